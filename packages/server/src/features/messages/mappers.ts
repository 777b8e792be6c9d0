import type { HeldMessage, Message, RuleFinding } from '@rounds/protocol';
import type { Db, HeldMessageRow, MessageRow } from '../../db/schema';
import * as store from './store';

const iso = (ms: number) => new Date(ms).toISOString();

type ReactionRow = { message_id: string; emoji: string; user_id: string };

/** The one mapper of a message. A deleted message keeps its place but loses its text and reactions. */
export function toMessage(row: MessageRow, reactions: readonly ReactionRow[] = []): Message {
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

/** Messages with their reactions, in the order given. */
export async function withReactions(db: Db, rows: MessageRow[]): Promise<Message[]> {
  const reactions = await store.findReactions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toMessage(r, reactions));
}

/** The one mapper of a held send. */
export function toHeld(row: HeldMessageRow): HeldMessage {
  return {
    id: row.id,
    roomId: row.room_id,
    clientMsgId: row.client_msg_id,
    body: row.body,
    threadRootId: row.thread_root_id,
    finding: JSON.parse(row.verdict) as RuleFinding,
    createdAt: iso(Number(row.created_at)),
  };
}
