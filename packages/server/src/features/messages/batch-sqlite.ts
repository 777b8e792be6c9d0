import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { WalSync } from '../../db/durable-sqlite';
import type { DB, MediaRow, MessageRow } from '../../db/schema';
import { sqliteRoomSeqAllocator } from '../../streams/seq';
import type { BatchRunner, BatchTx, RoomLite, RootLite } from './batch-tx';

/**
 * SQLite back-end of the write batcher: prepared statements on the raw handle, run while holding Kysely's
 * single connection so no Kysely transaction interleaves. Every await inside resolves without I/O, so the
 * whole batch runs in one event-loop turn between BEGIN IMMEDIATE and COMMIT. The COMMIT does not sync; the
 * connection's release waits for the WAL's fdatasync (off the event loop) before the batch resolves.
 */
export function sqliteBatchRunner(db: Kysely<DB>, sqlite: SQLite.Database, wal: WalSync): BatchRunner {
  const allocate = sqliteRoomSeqAllocator(sqlite);
  const s = {
    room: sqlite.prepare<[string], RoomLite>('SELECT id, visibility FROM rooms WHERE id = ?'),
    member: sqlite.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM room_members WHERE room_id = ? AND user_id = ?',
    ),
    existing: sqlite.prepare<[string, string], MessageRow>(
      'SELECT * FROM messages WHERE sender_id = ? AND client_msg_id = ?',
    ),
    root: sqlite.prepare<[string], RootLite>(
      'SELECT id, room_id, thread_root_id, deleted_at FROM messages WHERE id = ?',
    ),
    handle: sqlite.prepare<[string, string], { id: string }>(
      'SELECT u.id FROM users u JOIN room_members m ON m.user_id = u.id WHERE m.room_id = ? AND u.handle = ?',
    ),
    insert: sqlite.prepare(
      `INSERT INTO messages (room_id, seq, id, sender_id, client_msg_id, body, thread_root_id, reply_count, mentions, created_at, edited_at, deleted_at, attachments, privacy_flags)
       VALUES (@room_id, @seq, @id, @sender_id, @client_msg_id, @body, @thread_root_id, @reply_count, @mentions, @created_at, @edited_at, @deleted_at, @attachments, @privacy_flags)`,
    ),
    media: sqlite.prepare<[string], MediaRow>('SELECT * FROM media WHERE id = ?'),
    attach: sqlite.prepare<[string, number, string]>('UPDATE media SET message_id = ?, attached_at = ? WHERE id = ?'),
    bump: sqlite.prepare<[number, string]>('UPDATE messages SET reply_count = reply_count + ? WHERE id = ?'),
  };
  const tx: BatchTx = {
    async rooms(ids) {
      const out = new Map<string, RoomLite>();
      for (const id of ids) {
        const r = s.room.get(id);
        if (r) out.set(id, r);
      }
      return out;
    },
    async members(pairs) {
      const out = new Set<string>();
      for (const [roomId, userId] of pairs) if (s.member.get(roomId, userId)) out.add(`${roomId}|${userId}`);
      return out;
    },
    async existing(pairs) {
      const out = new Map<string, MessageRow>();
      for (const [sender, cmid] of pairs) {
        const r = s.existing.get(sender, cmid);
        if (r) out.set(`${sender}|${cmid}`, r);
      }
      return out;
    },
    async roots(ids) {
      const out = new Map<string, RootLite>();
      for (const id of ids) {
        const r = s.root.get(id);
        if (r) out.set(id, r);
      }
      return out;
    },
    async handles(pairs) {
      const out = new Map<string, string>();
      for (const [roomId, handle] of pairs) {
        const r = s.handle.get(roomId, handle);
        if (r) out.set(`${roomId}|${handle}`, r.id);
      }
      return out;
    },
    async allocate(roomId, n) {
      return allocate(roomId, n);
    },
    async media(ids) {
      const out = new Map<string, MediaRow>();
      for (const id of ids) {
        const r = s.media.get(id);
        if (r) out.set(id, r);
      }
      return out;
    },
    async attachMedia(pairs, at) {
      for (const [mediaId, messageId] of pairs) s.attach.run(messageId, at, mediaId);
    },
    async insert(rows) {
      for (const row of rows) s.insert.run(row);
    },
    async bumpReplies(rootId, n) {
      s.bump.run(n, rootId);
    },
  };
  return (fn) =>
    db.connection().execute(async () => {
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(tx);
        sqlite.exec('COMMIT');
        wal.dirty = true;
        return result;
      } catch (err) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw err;
      }
    });
}
