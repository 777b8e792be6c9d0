import type { AckDataFor } from '@rounds/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpTransport } from './http-fallback';
import { outboxStore } from './outbox';
import { afterBackoff, created, FakeWs, flush, helloAck, ME, ROOM, testSocket } from './socket-fixtures';
import { connectionStore } from './socket-types';
import type { SyncRequest } from './stream-sync';

/** Plays the server's REST side: the room's events and the messages posted. */
class FakeHttp implements HttpTransport {
  syncs: SyncRequest[] = [];
  posted: { roomId: string; payload: Record<string, unknown> }[] = [];
  events: ReturnType<typeof created>[] = [];
  async sync(request: SyncRequest): Promise<AckDataFor<'sync'>> {
    this.syncs.push(request);
    const events = this.events.filter((e) => e.seq > request.afterSeq);
    return { roomId: request.roomId, events, lastSeq: this.events.length, hasMore: false };
  }
  async send(roomId: string, payload: Record<string, unknown>): Promise<unknown> {
    this.posted.push({ roomId, payload });
    this.events.push(created(this.events.length + 1, ME, String(payload.clientMsgId)));
    return {};
  }
}

describe('the HTTP fallback', () => {
  let http: FakeHttp;
  let t: ReturnType<typeof testSocket>;
  beforeEach(() => {
    http = new FakeHttp();
    // One long poll interval: the test sees the poll made when polling starts, and no other.
    t = testSocket({ fallback: { transport: http, afterAttempts: 2, pollMs: 60_000 } });
  });
  afterEach(() => t.sock.stop());

  /** The socket cannot connect: each attempt is refused (a proxy that blocks the upgrade). */
  async function refuse(times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      FakeWs.latest().close();
      await afterBackoff();
    }
  }

  it('polls over HTTP once enough attempts failed: syncs the streams and posts the outbox with its client ids', async () => {
    http.events.push(created(1));
    t.sock.track(ROOM, 0);
    t.sock.start();
    const id = t.sock.sendMessage(ROOM, 'over http', null);
    await refuse(1);
    expect(connectionStore.get().polling).toBeFalsy();
    expect(http.syncs).toEqual([]);
    await refuse(1);
    expect(connectionStore.get().polling).toBe(true);
    await flush();
    expect(http.posted).toEqual([{ roomId: ROOM, payload: { clientMsgId: id, body: 'over http' } }]);
    // The poll's sync and the one after the post deliver the room's events once each, and the posted
    // message leaves the outbox when its event arrives.
    expect(t.applied).toEqual([1, 2]);
    expect(outboxStore.get()).toEqual([]);
    expect(http.syncs[0]).toEqual({ roomId: ROOM, afterSeq: 0, limit: 500 });
  });

  it('stops polling when the socket connects, and syncs over the socket again', async () => {
    t.sock.track(ROOM, 0);
    t.sock.start();
    await refuse(2);
    expect(connectionStore.get().polling).toBe(true);
    const before = http.syncs.length;
    await helloAck(FakeWs.latest());
    expect(connectionStore.get()).toMatchObject({ state: 'online', polling: false });
    expect(FakeWs.latest().last('sync')).toMatchObject({ roomId: ROOM });
    expect(http.syncs).toHaveLength(before);
  });
});
