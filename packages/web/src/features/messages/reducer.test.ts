import type { Message } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import {
  applyCreated,
  applyDeleted,
  applyEdited,
  applyReaction,
  emptyRoom,
  findFirstUnread,
  mergePage,
} from './reducer';

const t0 = new Date(0).toISOString();
function m(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${String(seq).padStart(7, '0')}`,
    roomId: 'room0001',
    seq,
    senderId: 'userA000',
    clientMsgId: `c${seq}`,
    body: `b${seq}`,
    threadRootId: null,
    replyCount: 0,
    mentions: [],
    reactions: [],
    attachments: [],
    privacyFlags: [],
    createdAt: t0,
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

describe('message reducers', () => {
  it('keeps top-level ids in seq order and ignores repeats', () => {
    let rm = emptyRoom();
    rm = applyCreated(rm, m(3), m(3).seq);
    rm = applyCreated(rm, m(1), m(1).seq);
    rm = applyCreated(rm, m(2), m(2).seq);
    rm = applyCreated(rm, m(2), m(2).seq);
    expect(rm.ids).toEqual([m(1).id, m(2).id, m(3).id]);
  });

  it('counts thread replies on the root once and lists them in a loaded thread', () => {
    let rm = applyCreated(emptyRoom(), m(1), m(1).seq);
    rm = mergePage(rm, [], m(1).id); // thread opened
    const reply = m(2, { threadRootId: m(1).id });
    rm = applyCreated(rm, reply, reply.seq);
    rm = applyCreated(rm, reply, reply.seq);
    expect(rm.ids).toEqual([m(1).id]);
    expect(rm.byId[m(1).id]!.replyCount).toBe(1);
    expect(rm.threads[m(1).id]!.ids).toEqual([reply.id]);
    rm = applyDeleted(rm, reply.id, m(1).id, 3, t0);
    expect(rm.byId[m(1).id]!.replyCount).toBe(0);
    expect(rm.byId[reply.id]!.deletedAt).toBe(t0);
    expect(applyDeleted(rm, reply.id, m(1).id, 3, t0)).toBe(rm);
  });

  it('applies edits to known messages only', () => {
    const rm = applyCreated(emptyRoom(), m(1), m(1).seq);
    expect(applyEdited(rm, m(1, { body: 'new', editedAt: t0 }), 2).byId[m(1).id]!.body).toBe('new');
    expect(applyEdited(rm, m(9), 3)).toBe(rm);
  });

  it('adds and removes reactions idempotently', () => {
    let seq = 2;
    let rm = applyCreated(emptyRoom(), m(1), m(1).seq);
    rm = applyReaction(rm, m(1).id, '👍', 'u1', true, seq++);
    rm = applyReaction(rm, m(1).id, '👍', 'u1', true, seq++);
    rm = applyReaction(rm, m(1).id, '👍', 'u2', true, seq++);
    expect(rm.byId[m(1).id]!.reactions).toEqual([{ emoji: '👍', count: 2, userIds: ['u1', 'u2'] }]);
    rm = applyReaction(rm, m(1).id, '👍', 'u1', false, seq++);
    rm = applyReaction(rm, m(1).id, '👍', 'u2', false, seq++);
    expect(rm.byId[m(1).id]!.reactions).toEqual([]);
  });

  it('merges history pages without overwriting newer live state', () => {
    let rm = applyCreated(emptyRoom(), m(5, { body: 'edited live' }), 5);
    rm = mergePage(rm, [m(3), m(4), m(5), m(6, { threadRootId: m(3).id })]);
    expect(rm.ids).toEqual([m(3).id, m(4).id, m(5).id]);
    expect(rm.byId[m(5).id]!.body).toBe('edited live');
  });

  it('does not apply replayed events twice over a sync snapshot (PROTOCOL §8.3)', () => {
    // A sync up to seq 6 brings the root already edited, with 1 reply and no reactions; then the events
    // that made that state, which must change nothing.
    const root = m(3, { body: 'edited', replyCount: 1 });
    let rm = applyCreated(emptyRoom(), root, 6);
    rm = mergePage(rm, [], root.id);
    rm = applyCreated(rm, m(4, { threadRootId: root.id }), 6);
    rm = applyReaction(rm, root.id, '👍', 'u1', true, 5);
    rm = applyEdited(rm, m(3, { body: 'older edit' }), 2);
    expect(rm.byId[root.id]).toMatchObject({ body: 'edited', replyCount: 1, reactions: [] });
    // A live event after the snapshot does apply.
    rm = applyCreated(rm, m(7, { threadRootId: root.id }), 7);
    rm = applyReaction(rm, root.id, '👍', 'u1', true, 8);
    expect(rm.byId[root.id]).toMatchObject({ replyCount: 2, reactions: [{ emoji: '👍', count: 1, userIds: ['u1'] }] });
    expect(rm.threads[root.id]!.ids).toHaveLength(2);
  });

  it('finds the first unread message from someone else', () => {
    let rm = emptyRoom();
    for (const x of [m(1), m(2, { senderId: 'me' }), m(3), m(4)]) rm = applyCreated(rm, x, x.seq);
    expect(findFirstUnread(rm, 1, 'me')).toBe(3);
    expect(findFirstUnread(rm, 4, 'me')).toBeNull();
  });
});
