import type { ServerEvent } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { EventRegistry } from './event-registry';
import { created, OTHER, ROOM } from './socket-fixtures';

describe('EventRegistry', () => {
  it('hands each event to the handlers of its type, in registration order, with asOf', () => {
    const r = new EventRegistry();
    const calls: string[] = [];
    r.on('message.created', (e, asOf) => calls.push(`first ${e.message.id} ${asOf}`));
    r.on(['message.created', 'message.deleted'], (e) => calls.push(`second ${e.type}`));
    r.on('typing', (e) => calls.push(`typing ${e.userId}`));
    r.dispatch(created(3), 9);
    r.dispatch({ type: 'typing', roomId: ROOM, userId: OTHER, threadRootId: null });
    r.dispatch({ type: 'presence', roomId: ROOM, userId: OTHER, online: true } satisfies ServerEvent);
    expect(calls).toEqual(['first msg00003 9', 'second message.created', `typing ${OTHER}`]);
  });

  it('tells the reset handlers which stream was reset', () => {
    const r = new EventRegistry();
    const resets: string[] = [];
    r.onStreamReset((s) => resets.push(s));
    r.streamReset(ROOM);
    expect(resets).toEqual([ROOM]);
  });
});
