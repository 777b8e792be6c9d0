import type { Message, ReadState, SendResult } from '@rounds/protocol';
import type { Actor, Deps } from '../../context';
import { AppError } from '../../errors';
import { announce, inUnit } from '../../events/unit';
import { requireMember } from '../../policies/access';
import { canModerate } from '../../policies/rooms';
import { appendEvent } from '../../streams/log';
import { discardForMessage } from '../media/service';
import { toMessage } from './mappers';
import { parseMentions, privacyFlags } from './pipeline';
import * as store from './store';
import { loadMessage } from './sync';

/** Author only. Throws room_not_found, not_a_member, message_not_found, not_message_author, message_deleted. */
export async function editMessage(
  deps: Deps,
  actor: Actor,
  roomId: string,
  messageId: string,
  body: string,
): Promise<Message> {
  await requireMember(deps.db, actor, roomId);
  const mentionIds = await resolveMentions(deps, roomId, body);
  const event = await inUnit(deps, async (trx, out) => {
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
    return out.room(
      await appendEvent(trx, { room: roomId }, (seq) => ({ type: 'message.edited', roomId, seq, message })),
    );
  });
  return event.message;
}

async function resolveMentions(deps: Deps, roomId: string, body: string): Promise<string[]> {
  const handles = parseMentions(body);
  if (handles.length === 0) return [];
  return [...new Set((await store.findMemberHandles(deps.db, roomId, handles)).map((r) => r.id))];
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
  const { role } = await requireMember(deps.db, actor, roomId);
  const moderator = canModerate(actor, role);
  const event = await inUnit(deps, async (trx, out) => {
    const row = await store.findMessage(trx, roomId, messageId);
    if (!row) throw new AppError('message_not_found', 'No such message.');
    if (row.sender_id !== actor.userId && !moderator) {
      throw new AppError('not_message_author', 'You can only delete your own messages.');
    }
    if (row.deleted_at !== null) return undefined;
    await store.tombstoneMessage(trx, messageId, Date.now());
    if (row.thread_root_id) await store.bumpReplyCount(trx, row.thread_root_id, -1);
    return out.room(
      await appendEvent(trx, { room: roomId }, (seq) => ({
        type: 'message.deleted' as const,
        roomId,
        seq,
        messageId,
        threadRootId: row.thread_root_id,
      })),
    );
  });
  if (!event) {
    const row = await loadMessage(deps, roomId, messageId);
    return { messageId, seq: Number(row.seq) };
  }
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
  await requireMember(deps.db, actor, roomId);
  const event = await inUnit(deps, async (trx, out) => {
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
    return out.room(
      await appendEvent(trx, { room: roomId }, (seq) => ({
        type: on ? ('reaction.added' as const) : ('reaction.removed' as const),
        roomId,
        seq,
        messageId,
        emoji,
        userId: actor.userId,
      })),
    );
  });
  if (!event) return { seq: null };
  return { seq: event.seq };
}

/** Moves the actor's read marker forward (never back) and tells their other devices. Throws room_not_found, not_a_member. */
export async function markRead(deps: Deps, actor: Actor, roomId: string, seq: number): Promise<ReadState> {
  const { room } = await requireMember(deps.db, actor, roomId);
  const target = Math.min(seq, Number(room.last_seq));
  const lastReadSeq = await store.advanceReadMarker(deps.db, roomId, actor.userId, target);
  const counts = await store.countUnread(deps.db, roomId, actor.userId, lastReadSeq);
  const state = { roomId, lastReadSeq, unreadCount: counts.unread, mentionCount: counts.mentions };
  announce(deps, { audience: { user: actor.userId }, event: { type: 'read.updated', ...state } });
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

const TYPING_INTERVAL_MS = 2500;

/** Throttles typing events: at most one per user and room every 2.5 s, per server. */
export class TypingGate {
  private readonly seen = new Map<string, number>();

  /** Tells the room the actor is typing. Throws not_a_member. */
  typing(deps: Deps, actor: Actor, roomId: string, memberOf: boolean, threadRootId: string | null): void {
    if (!memberOf) throw new AppError('not_a_member', 'Join the room first.');
    const key = `${actor.userId}|${roomId}`;
    const now = Date.now();
    if ((this.seen.get(key) ?? 0) > now - TYPING_INTERVAL_MS) return;
    this.seen.set(key, now);
    if (this.seen.size > 50_000) this.seen.clear();
    announce(deps, {
      audience: { room: roomId },
      event: { type: 'typing', roomId, userId: actor.userId, threadRootId },
    });
  }
}
export { getMessage, history, syncRoom, thread } from './sync';

/**
 * Releases a held send (moderation's approve): stored once with the room's next seq and delivered.
 * Throws message_not_found.
 */
export function releaseHeld(deps: Deps, heldId: string): Promise<SendResult> {
  return deps.sends.release(heldId);
}
