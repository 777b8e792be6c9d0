import {
  findIdentifiers,
  Limits,
  type Message,
  type MessagePage,
  type ReadState,
  type RoomEvent,
  type SendMessageBody,
} from '@rounds/protocol';
import type { Actor, Deps } from '../../context';
import type { MessageRow } from '../../db/schema';
import { AppError } from '../../errors';
import { appendRoomEvent, loggedEvents } from '../events/service';
import { discardForMessage } from '../media/service';
import { memberHandles, requireMember } from '../rooms/service';
import { type SendOutcome, WriteBatcher } from './batcher';
import * as store from './store';

const iso = (ms: number) => new Date(ms).toISOString();

type ReactionRow = { message_id: string; emoji: string; user_id: string };

/** The one mapper of a message. A deleted message keeps its place but loses its text and reactions. */
function toMessage(row: MessageRow, reactions: readonly ReactionRow[] = []): Message {
  const grouped = new Map<string, string[]>();
  if (row.deleted_at === null) {
    for (const r of reactions) {
      if (r.message_id !== row.id) continue;
      const users = grouped.get(r.emoji) ?? [];
      users.push(r.user_id);
      grouped.set(r.emoji, users);
    }
  }
  return {
    id: row.id,
    roomId: row.room_id,
    seq: Number(row.seq),
    senderId: row.sender_id,
    clientMsgId: row.client_msg_id,
    body: row.body,
    threadRootId: row.thread_root_id,
    replyCount: Number(row.reply_count),
    mentions: JSON.parse(row.mentions) as string[],
    reactions: [...grouped].map(([emoji, userIds]) => ({ emoji, count: userIds.length, userIds })),
    attachments: JSON.parse(row.attachments) as Message['attachments'],
    privacyFlags: JSON.parse(row.privacy_flags) as string[],
    createdAt: iso(Number(row.created_at)),
    editedAt: row.edited_at === null ? null : iso(Number(row.edited_at)),
    deletedAt: row.deleted_at === null ? null : iso(Number(row.deleted_at)),
  };
}

async function withReactions(deps: Deps, rows: MessageRow[]): Promise<Message[]> {
  const reactions = await store.findReactions(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toMessage(r, reactions));
}

const MENTION = /(?:^|[^\w@/.])@([a-z0-9][a-z0-9._-]{0,30}[a-z0-9])/g;

/** The distinct @handles in a message body (at most 50). */
function parseMentions(body: string): string[] {
  const handles = new Set<string>();
  for (const m of body.matchAll(MENTION)) {
    handles.add((m[1] as string).toLowerCase());
    if (handles.size >= 50) break;
  }
  return [...handles];
}

/** Identifier kinds the privacy check finds in a message's text and captions, for moderators to review. */
export function privacyFlags(body: string, captions: readonly string[] = []): string[] {
  const kinds = new Set<string>();
  for (const text of [body, ...captions]) for (const m of findIdentifiers(text)) kinds.add(m.kind);
  return [...kinds].sort();
}

/** The batcher for this server's sends; it publishes each committed batch to the rooms' sockets. */
export function createMessageWriter(deps: Deps): WriteBatcher {
  const batcher = new WriteBatcher(deps);
  batcher.onCommitted = (rows) => {
    deps.hub.publishMany(
      rows.map((row) => ({
        audience: { room: row.room_id },
        event: { type: 'message.created', roomId: row.room_id, seq: Number(row.seq), message: toMessage(row) },
      })),
    );
  };
  return batcher;
}

/**
 * Sends a message: durable (committed) before this resolves; a retry with the same clientMsgId returns the
 * original with `duplicate: true`. Throws rate_limited, room_not_found, not_a_member, thread_root_invalid.
 */
export async function sendMessage(
  deps: Deps,
  batcher: WriteBatcher,
  actor: Actor,
  roomId: string,
  input: SendMessageBody,
): Promise<{ message: Message; duplicate: boolean }> {
  const attachments = (input.attachments ?? []).map((a) => ({ uploadId: a.uploadId, caption: a.caption ?? '' }));
  if (attachments.length > Limits.maxAttachments) {
    throw new AppError('too_many_attachments', `A message holds at most ${Limits.maxAttachments} attachments.`);
  }
  if (input.body.trim() === '' && attachments.length === 0) {
    throw new AppError('validation_failed', 'A message needs text or an attachment.');
  }
  const { messagesPerSec, messagesBurst } = deps.config.rate;
  const take = await deps.limiter.take(`msg:${actor.userId}`, messagesPerSec, messagesBurst);
  if (!take.ok) {
    // A resend after a reconnect must still learn that its message was stored, however fast it comes.
    const stored = await store.findBySenderClientId(deps.db, actor.userId, input.clientMsgId);
    if (stored && stored.room_id === roomId)
      return { message: (await withReactions(deps, [stored]))[0] as Message, duplicate: true };
    throw new AppError('rate_limited', 'You are sending too fast.', { retryAfterMs: take.retryAfterMs });
  }
  const outcome: SendOutcome = await batcher.submit({
    senderId: actor.userId,
    isAdmin: actor.role === 'admin',
    roomId,
    clientMsgId: input.clientMsgId,
    body: input.body,
    threadRootId: input.threadRootId ?? null,
    handles: parseMentions(input.body),
    attachments,
    privacyFlags: privacyFlags(
      input.body,
      attachments.map((a) => a.caption),
    ),
  });
  if (!outcome.duplicate) return { message: toMessage(outcome.row), duplicate: false };
  const [message] = await withReactions(deps, [outcome.row]);
  return { message: message as Message, duplicate: true };
}

/** Throws message_not_found. */
async function loadMessage(deps: Deps, roomId: string, messageId: string): Promise<MessageRow> {
  const row = await store.findMessage(deps.db, roomId, messageId);
  if (!row) throw new AppError('message_not_found', 'No such message.');
  return row;
}

/** Author only. Throws room_not_found, not_a_member, message_not_found, not_message_author, message_deleted. */
export async function editMessage(
  deps: Deps,
  actor: Actor,
  roomId: string,
  messageId: string,
  body: string,
): Promise<Message> {
  await requireMember(deps, actor, roomId);
  const mentionIds = await resolveMentions(deps, roomId, body);
  const event = await deps.db.transaction().execute(async (trx) => {
    const row = await store.findMessage(trx, roomId, messageId);
    if (!row) throw new AppError('message_not_found', 'No such message.');
    if (row.sender_id !== actor.userId)
      throw new AppError('not_message_author', 'You can only edit your own messages.');
    if (row.deleted_at !== null) throw new AppError('message_deleted', 'This message was deleted.');
    const at = Date.now();
    const captions = (JSON.parse(row.attachments) as Message['attachments']).map((a) => a.caption);
    const flags = JSON.stringify(privacyFlags(body, captions));
    await store.updateMessageBody(trx, messageId, body, JSON.stringify(mentionIds), flags, at);
    const reactions = await store.findReactions(trx, [messageId]);
    const edited = { ...row, body, mentions: JSON.stringify(mentionIds), privacy_flags: flags, edited_at: at };
    const message = toMessage(edited, reactions);
    return appendRoomEvent(trx, roomId, (seq) => ({ type: 'message.edited', roomId, seq, message }));
  });
  deps.hub.publish({ room: roomId }, event);
  return event.message;
}

async function resolveMentions(deps: Deps, roomId: string, body: string): Promise<string[]> {
  const handles = parseMentions(body);
  if (handles.length === 0) return [];
  return [...new Set<string>((await memberHandles(deps, roomId, handles)).values())];
}

/**
 * Deletes (tombstones) a message: its author, or a moderator/owner of the room, or an admin.
 * Throws room_not_found, not_a_member, message_not_found, not_message_author.
 */
export async function deleteMessage(
  deps: Deps,
  actor: Actor,
  roomId: string,
  messageId: string,
): Promise<{ messageId: string; seq: number }> {
  const { role } = await requireMember(deps, actor, roomId);
  const moderator = role === 'owner' || role === 'moderator' || actor.role === 'admin';
  const event = await deps.db.transaction().execute(async (trx) => {
    const row = await store.findMessage(trx, roomId, messageId);
    if (!row) throw new AppError('message_not_found', 'No such message.');
    if (row.sender_id !== actor.userId && !moderator) {
      throw new AppError('not_message_author', 'You can only delete your own messages.');
    }
    if (row.deleted_at !== null) return undefined;
    await store.tombstoneMessage(trx, messageId, Date.now());
    if (row.thread_root_id) await store.bumpReplyCount(trx, row.thread_root_id, -1);
    return appendRoomEvent(trx, roomId, (seq) => ({
      type: 'message.deleted',
      roomId,
      seq,
      messageId,
      threadRootId: row.thread_root_id,
    }));
  });
  if (!event) {
    const row = await loadMessage(deps, roomId, messageId);
    return { messageId, seq: Number(row.seq) };
  }
  deps.hub.publish({ room: roomId }, event);
  await discardForMessage(deps, messageId);
  return { messageId, seq: event.seq };
}

/** Adds or removes the actor's reaction; idempotent (seq null when nothing changed). Throws room_not_found, not_a_member, message_not_found, message_deleted, validation_failed. */
export async function setReaction(
  deps: Deps,
  actor: Actor,
  roomId: string,
  messageId: string,
  emoji: string,
  on: boolean,
): Promise<{ seq: number | null }> {
  await requireMember(deps, actor, roomId);
  const event = await deps.db.transaction().execute(async (trx) => {
    const row = await store.findMessage(trx, roomId, messageId);
    if (!row) throw new AppError('message_not_found', 'No such message.');
    if (row.deleted_at !== null) throw new AppError('message_deleted', 'This message was deleted.');
    if (on) {
      const changed = await store.insertReaction(trx, {
        message_id: messageId,
        user_id: actor.userId,
        emoji,
        room_id: roomId,
        created_at: Date.now(),
      });
      if (!changed) return undefined;
      if ((await store.countDistinctEmoji(trx, messageId)) > 50) {
        throw new AppError('validation_failed', 'This message has too many different reactions.');
      }
    } else if (!(await store.deleteReaction(trx, messageId, actor.userId, emoji))) {
      return undefined;
    }
    return appendRoomEvent(trx, roomId, (seq) => ({
      type: on ? ('reaction.added' as const) : ('reaction.removed' as const),
      roomId,
      seq,
      messageId,
      emoji,
      userId: actor.userId,
    }));
  });
  if (!event) return { seq: null };
  deps.hub.publish({ room: roomId }, event);
  return { seq: event.seq };
}

/** Moves the actor's read marker forward (never back) and tells their other devices. Throws room_not_found, not_a_member. */
export async function markRead(deps: Deps, actor: Actor, roomId: string, seq: number): Promise<ReadState> {
  const { room } = await requireMember(deps, actor, roomId);
  const target = Math.min(seq, Number(room.last_seq));
  const lastReadSeq = await store.advanceReadMarker(deps.db, roomId, actor.userId, target);
  const counts = await store.countUnread(deps.db, roomId, actor.userId, lastReadSeq);
  const state = { roomId, lastReadSeq, unreadCount: counts.unread, mentionCount: counts.mentions };
  deps.hub.publish({ user: actor.userId }, { type: 'read.updated', ...state });
  return state;
}

/** Unread and mention counts for each of a user's rooms. */
export async function unreadCounts(
  deps: Deps,
  userId: string,
  rooms: { roomId: string; lastReadSeq: number }[],
): Promise<Map<string, { unread: number; mentions: number }>> {
  const out = new Map<string, { unread: number; mentions: number }>();
  for (const r of rooms) out.set(r.roomId, await store.countUnread(deps.db, r.roomId, userId, r.lastReadSeq));
  return out;
}

const typingSeen = new Map<string, number>();
const TYPING_INTERVAL_MS = 2500;

/** Tells the room the actor is typing; at most one event per user and room every 2.5 s. Throws not_a_member. */
export function typing(deps: Deps, actor: Actor, roomId: string, memberOf: boolean, threadRootId: string | null): void {
  if (!memberOf) throw new AppError('not_a_member', 'Join the room first.');
  const key = `${actor.userId}|${roomId}`;
  const now = Date.now();
  if ((typingSeen.get(key) ?? 0) > now - TYPING_INTERVAL_MS) return;
  typingSeen.set(key, now);
  if (typingSeen.size > 50_000) typingSeen.clear();
  deps.hub.publish({ room: roomId }, { type: 'typing', roomId, userId: actor.userId, threadRootId });
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
  const { room } = await requireMember(deps, actor, roomId);
  const lastSeq = Number(room.last_seq);
  const toSeq = Math.min(lastSeq, afterSeq + limit);
  if (toSeq <= afterSeq) return { roomId, events: [], lastSeq, hasMore: false };
  const [rows, logged] = await Promise.all([
    store.findMessagesInRange(deps.db, roomId, afterSeq, toSeq),
    loggedEvents(deps.db, roomId, afterSeq, toSeq),
  ]);
  const messages = await withReactions(deps, rows);
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
  const { room } = await requireMember(deps, actor, roomId);
  const rows = await store.findTimeline(deps.db, roomId, q);
  const hasMore = rows.length > q.limit;
  const page =
    q.after !== undefined ? rows.slice(0, q.limit) : rows.slice(rows.length - Math.min(rows.length, q.limit));
  return { messages: await withReactions(deps, page), hasMore, lastSeq: Number(room.last_seq) };
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
  const { room } = await requireMember(deps, actor, roomId);
  await loadMessage(deps, roomId, rootId);
  const rows = await store.findThread(deps.db, rootId, after, limit);
  const messages = await withReactions(deps, rows.slice(0, limit));
  return { messages, hasMore: rows.length > limit, lastSeq: Number(room.last_seq) };
}

/** One message. Throws room_not_found, not_a_member, message_not_found. */
export async function getMessage(deps: Deps, actor: Actor, roomId: string, messageId: string): Promise<Message> {
  await requireMember(deps, actor, roomId);
  const [message] = await withReactions(deps, [await loadMessage(deps, roomId, messageId)]);
  return message as Message;
}
