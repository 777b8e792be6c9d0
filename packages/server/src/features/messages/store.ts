import { sql } from 'kysely';
import type { Db, HeldMessageRow, MessageRow } from '../../db/schema';

export async function findMessage(db: Db, roomId: string, messageId: string): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('room_id', '=', roomId)
    .executeTakeFirst();
}

export async function findBySenderClientId(
  db: Db,
  senderId: string,
  clientMsgId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where('client_msg_id', '=', clientMsgId)
    .executeTakeFirst();
}

/** Top-level messages (no thread replies) before or after a seq, ascending. Fetches limit+1 to tell hasMore. */
export async function findTimeline(
  db: Db,
  roomId: string,
  opts: { before?: number | undefined; after?: number | undefined; limit: number },
): Promise<MessageRow[]> {
  let q = db.selectFrom('messages').selectAll().where('room_id', '=', roomId).where('thread_root_id', 'is', null);
  if (opts.after !== undefined) {
    q = q.where('seq', '>', opts.after).orderBy('seq', 'asc');
  } else {
    if (opts.before !== undefined) q = q.where('seq', '<', opts.before);
    q = q.orderBy('seq', 'desc');
  }
  const rows = await q.limit(opts.limit + 1).execute();
  return opts.after !== undefined ? rows : rows.reverse();
}

export async function findThread(db: Db, rootId: string, after: number, limit: number): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('thread_root_id', '=', rootId)
    .where('seq', '>', after)
    .orderBy('seq', 'asc')
    .limit(limit + 1)
    .execute();
}

/** Messages with seq in (afterSeq, toSeq], ascending: the message.created part of a sync. */
export async function findMessagesInRange(
  db: Db,
  roomId: string,
  afterSeq: number,
  toSeq: number,
): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', toSeq)
    .orderBy('seq', 'asc')
    .execute();
}

export async function findReactions(db: Db, messageIds: readonly string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('reactions')
    .select(['message_id', 'emoji', 'user_id'])
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .execute();
}

export async function countDistinctEmoji(db: Db, messageId: string): Promise<number> {
  const r = await db
    .selectFrom('reactions')
    .select((eb) => eb.fn.count<number>('emoji').distinct().as('n'))
    .where('message_id', '=', messageId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts a reaction; returns false when the user already reacted with that emoji. */
export async function insertReaction(
  db: Db,
  row: { message_id: string; user_id: string; emoji: string; room_id: string; created_at: number },
): Promise<boolean> {
  const r = await db
    .insertInto('reactions')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes a reaction; returns false when there was none. */
export async function deleteReaction(db: Db, messageId: string, userId: string, emoji: string): Promise<boolean> {
  const r = await db
    .deleteFrom('reactions')
    .where('message_id', '=', messageId)
    .where('user_id', '=', userId)
    .where('emoji', '=', emoji)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function updateMessageBody(
  db: Db,
  id: string,
  body: string,
  mentions: string,
  privacyFlags: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('messages')
    .set({ body, mentions, privacy_flags: privacyFlags, edited_at: at })
    .where('id', '=', id)
    .execute();
}

export async function tombstoneMessage(db: Db, id: string, at: number): Promise<void> {
  await db
    .updateTable('messages')
    .set({ body: '', mentions: '[]', attachments: '[]', privacy_flags: '[]', deleted_at: at })
    .where('id', '=', id)
    .execute();
}

export async function bumpReplyCount(db: Db, id: string, delta: number): Promise<void> {
  await db
    .updateTable('messages')
    .set({ reply_count: sql`reply_count + ${delta}` })
    .where('id', '=', id)
    .execute();
}

async function findReadState(db: Db, roomId: string, userId: string) {
  return db
    .selectFrom('room_members')
    .innerJoin('rooms', 'rooms.id', 'room_members.room_id')
    .select(['room_members.last_read_seq', 'rooms.last_seq'])
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Moves the read marker forward only; returns the marker after the update. */
export async function advanceReadMarker(db: Db, roomId: string, userId: string, seq: number): Promise<number> {
  await db
    .updateTable('room_members')
    .set({ last_read_seq: seq })
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .where('last_read_seq', '<', seq)
    .execute();
  const r = await findReadState(db, roomId, userId);
  return Number(r?.last_read_seq ?? 0);
}

const UNREAD_CAP = 1000;

/** Unread top-level messages by others after `afterSeq`, and those mentioning the user; each capped at 1000. */
export async function countUnread(db: Db, roomId: string, userId: string, afterSeq: number) {
  const base = db
    .selectFrom('messages')
    .select('seq')
    .where('room_id', '=', roomId)
    .where('seq', '>', afterSeq)
    .where('sender_id', '!=', userId)
    .where('deleted_at', 'is', null);
  const unread = await db
    .selectFrom(base.where('thread_root_id', 'is', null).limit(UNREAD_CAP).as('u'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const mentions = await db
    .selectFrom(base.where('mentions', 'like', `%"${userId}"%`).limit(UNREAD_CAP).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { unread: Number(unread.n), mentions: Number(mentions.n) };
}

export async function insertHeld(db: Db, row: HeldMessageRow): Promise<void> {
  await db.insertInto('held_messages').values(row).execute();
}

export async function findHeld(db: Db, id: string): Promise<HeldMessageRow | undefined> {
  return db.selectFrom('held_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findHeldBySenderClientId(
  db: Db,
  senderId: string,
  clientMsgId: string,
): Promise<HeldMessageRow | undefined> {
  return db
    .selectFrom('held_messages')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where('client_msg_id', '=', clientMsgId)
    .executeTakeFirst();
}

export async function deleteHeld(db: Db, id: string): Promise<void> {
  await db.deleteFrom('held_messages').where('id', '=', id).execute();
}

/** Which of these handles belong to members of the room: for resolving @mentions of an edit. */
export async function findMemberHandles(db: Db, roomId: string, handles: readonly string[]) {
  if (handles.length === 0) return [];
  return db
    .selectFrom('users as u')
    .innerJoin('room_members as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.handle'])
    .where('m.room_id', '=', roomId)
    .where('u.handle', 'in', handles)
    .execute();
}
