import type { Message } from '@rounds/protocol';

/** One room's loaded messages. Thread replies live in `byId` too, listed under their root in `threads`. */
export type RoomMessages = {
  status: 'loading' | 'ready' | 'error';
  /** Top-level message ids, ascending seq. */
  ids: string[];
  byId: Record<string, Message>;
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The first message of the initial load: keeps Virtuoso's item indexes stable when older pages arrive. */
  anchorId: string | null;
  /** Where the "new messages" line goes, fixed when the room is opened. */
  firstUnreadSeq: number | null;
  threads: Record<string, { ids: string[]; status: 'loading' | 'ready' | 'error' }>;
  /**
   * Per message, the seq its snapshot reflects (docs/PROTOCOL.md §8.3): a sync replays messages in their
   * current state, so an event is applied to a message (or a reply to its root's count) only when newer.
   * Messages from REST pages have 0: any later event applies.
   */
  asOf: Record<string, number>;
};

export function emptyRoom(): RoomMessages {
  return {
    status: 'loading',
    ids: [],
    byId: {},
    hasOlder: true,
    loadingOlder: false,
    anchorId: null,
    firstUnreadSeq: null,
    threads: {},
    asOf: {},
  };
}

function insertSorted(ids: string[], byId: Record<string, Message>, id: string): string[] {
  const seq = byId[id]!.seq;
  const last = ids[ids.length - 1];
  if (last === undefined || byId[last]!.seq < seq) return [...ids, id];
  let i = ids.length;
  while (i > 0 && byId[ids[i - 1]!]!.seq > seq) i--;
  return [...ids.slice(0, i), id, ...ids.slice(i)];
}

const newer = (rm: RoomMessages, id: string, seq: number) => seq > (rm.asOf[id] ?? 0);

/**
 * A message (live, or a snapshot from sync as of `asOf`). Keyed by id: a known message is replaced unless
 * what we hold is newer. A new reply bumps its root's count unless the root's snapshot already has it.
 */
export function applyCreated(rm: RoomMessages, m: Message, asOf: number): RoomMessages {
  if (asOf < (rm.asOf[m.id] ?? 0)) return rm;
  const existed = Boolean(rm.byId[m.id]);
  let byId = { ...rm.byId, [m.id]: m };
  const asOfs = { ...rm.asOf, [m.id]: asOf };
  let { ids, threads } = rm;
  if (!m.threadRootId) {
    if (!existed) ids = insertSorted(ids, byId, m.id);
  } else if (!existed) {
    const root = byId[m.threadRootId];
    if (root && newer(rm, root.id, m.seq) && !m.deletedAt)
      byId = { ...byId, [root.id]: { ...root, replyCount: root.replyCount + 1 } };
    const thread = threads[m.threadRootId];
    if (thread) threads = { ...threads, [m.threadRootId]: { ...thread, ids: insertSorted(thread.ids, byId, m.id) } };
  }
  return { ...rm, byId, ids, threads, asOf: asOfs };
}

export function applyEdited(rm: RoomMessages, m: Message, seq: number): RoomMessages {
  if (!rm.byId[m.id] || !newer(rm, m.id, seq)) return rm;
  return { ...rm, byId: { ...rm.byId, [m.id]: m }, asOf: { ...rm.asOf, [m.id]: seq } };
}

export function applyDeleted(
  rm: RoomMessages,
  messageId: string,
  threadRootId: string | null,
  seq: number,
  at: string,
): RoomMessages {
  const cur = rm.byId[messageId];
  let byId = rm.byId;
  if (cur && !cur.deletedAt && newer(rm, messageId, seq)) {
    byId = { ...byId, [messageId]: { ...cur, body: '', deletedAt: at, reactions: [], mentions: [] } };
  }
  const root = threadRootId ? byId[threadRootId] : undefined;
  const counted = !cur?.deletedAt;
  if (root && counted && newer(rm, root.id, seq))
    byId = { ...byId, [root.id]: { ...root, replyCount: Math.max(0, root.replyCount - 1) } };
  return byId === rm.byId ? rm : { ...rm, byId };
}

/** Reactions are sets: adding a user already there, or removing one who is not, changes nothing. */
export function applyReaction(
  rm: RoomMessages,
  messageId: string,
  emoji: string,
  userId: string,
  added: boolean,
  seq: number,
): RoomMessages {
  const m = rm.byId[messageId];
  if (!m || !newer(rm, messageId, seq)) return rm;
  const reactions = m.reactions.map((r) => ({ ...r, userIds: [...r.userIds] }));
  let r = reactions.find((x) => x.emoji === emoji);
  if (added) {
    if (!r) {
      r = { emoji, count: 0, userIds: [] };
      reactions.push(r);
    }
    if (r.userIds.includes(userId)) return rm;
    r.userIds.push(userId);
    r.count += 1;
  } else {
    if (!r?.userIds.includes(userId)) return rm;
    r.userIds = r.userIds.filter((u) => u !== userId);
    r.count = Math.max(0, r.count - 1);
  }
  const next = reactions.filter((x) => x.count > 0);
  return { ...rm, byId: { ...rm.byId, [messageId]: { ...m, reactions: next } } };
}

/**
 * Merges a page from REST. Messages already known are kept as they are: live events may have changed
 * them after the page was read.
 */
export function mergePage(rm: RoomMessages, page: Message[], threadRootId?: string): RoomMessages {
  const byId = { ...rm.byId };
  const fresh: string[] = [];
  for (const m of page) {
    if (!byId[m.id]) {
      byId[m.id] = m;
      fresh.push(m.id);
    }
  }
  const bySeq = (a: string, b: string) => byId[a]!.seq - byId[b]!.seq;
  if (threadRootId) {
    const t = rm.threads[threadRootId] ?? { ids: [], status: 'loading' as const };
    const ids = [...new Set([...t.ids, ...page.map((m) => m.id)])].sort(bySeq);
    return { ...rm, byId, threads: { ...rm.threads, [threadRootId]: { ...t, ids } } };
  }
  const top = fresh.filter((id) => !byId[id]!.threadRootId);
  const ids = top.length ? [...rm.ids, ...top].sort(bySeq) : rm.ids;
  return { ...rm, byId, ids };
}

/** The first message from someone else after my read position, or null when all is read. */
export function findFirstUnread(rm: RoomMessages, lastReadSeq: number, meId: string): number | null {
  for (const id of rm.ids) {
    const m = rm.byId[id]!;
    if (m.seq > lastReadSeq && m.senderId !== meId && !m.deletedAt) return m.seq;
  }
  return null;
}
