import type { Message, MessagePage, RoomEvent } from '@rounds/protocol';
import type { Actor, Deps } from '../../context';
import type { MessageRow } from '../../db/schema';
import { AppError } from '../../errors';
import { requireMember } from '../../policies/access';
import { loggedEvents } from '../../streams/log';
import { withReactions } from './mappers';
import * as store from './store';

/** Throws message_not_found. */
export async function loadMessage(deps: Deps, roomId: string, messageId: string): Promise<MessageRow> {
  const row = await store.findMessage(deps.db, roomId, messageId);
  if (!row) throw new AppError('message_not_found', 'No such message.');
  return row;
}

/**
 * Every room event after `afterSeq`, in seq order, up to `limit`: messages as message.created (in their
 * current state) merged with the logged events. Throws room_not_found, not_a_member.
 */
export async function syncRoom(
  deps: Deps,
  actor: Actor,
  roomId: string,
  afterSeq: number,
  limit = 500,
): Promise<{ roomId: string; events: RoomEvent[]; lastSeq: number; hasMore: boolean }> {
  const { room } = await requireMember(deps.db, actor, roomId);
  const lastSeq = Number(room.last_seq);
  const toSeq = Math.min(lastSeq, afterSeq + limit);
  if (toSeq <= afterSeq) return { roomId, events: [], lastSeq, hasMore: false };
  const [rows, logged] = await Promise.all([
    store.findMessagesInRange(deps.db, roomId, afterSeq, toSeq),
    loggedEvents<RoomEvent>(deps.db, { room: roomId }, afterSeq, toSeq),
  ]);
  const messages = await withReactions(deps.db, rows);
  const created: RoomEvent[] = messages.map((message) => ({
    type: 'message.created',
    roomId,
    seq: message.seq,
    message,
  }));
  const events = [...created, ...logged].sort((a, b) => a.seq - b.seq);
  return { roomId, events, lastSeq, hasMore: toSeq < lastSeq };
}

/** A page of the room's top-level timeline. Throws room_not_found, not_a_member. */
export async function history(
  deps: Deps,
  actor: Actor,
  roomId: string,
  q: { before?: number | undefined; after?: number | undefined; limit: number },
): Promise<MessagePage> {
  const { room } = await requireMember(deps.db, actor, roomId);
  const rows = await store.findTimeline(deps.db, roomId, q);
  const hasMore = rows.length > q.limit;
  const page =
    q.after !== undefined ? rows.slice(0, q.limit) : rows.slice(rows.length - Math.min(rows.length, q.limit));
  return { messages: await withReactions(deps.db, page), hasMore, lastSeq: Number(room.last_seq) };
}

/** Replies of a thread, ascending. Throws room_not_found, not_a_member, message_not_found. */
export async function thread(
  deps: Deps,
  actor: Actor,
  roomId: string,
  rootId: string,
  after: number,
  limit: number,
): Promise<MessagePage> {
  const { room } = await requireMember(deps.db, actor, roomId);
  await loadMessage(deps, roomId, rootId);
  const rows = await store.findThread(deps.db, rootId, after, limit);
  const messages = await withReactions(deps.db, rows.slice(0, limit));
  return { messages, hasMore: rows.length > limit, lastSeq: Number(room.last_seq) };
}

/** One message. Throws room_not_found, not_a_member, message_not_found. */
export async function getMessage(deps: Deps, actor: Actor, roomId: string, messageId: string): Promise<Message> {
  await requireMember(deps.db, actor, roomId);
  const [message] = await withReactions(deps.db, [await loadMessage(deps, roomId, messageId)]);
  return message as Message;
}
