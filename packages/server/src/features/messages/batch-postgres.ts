import { type Kysely, sql } from 'kysely';
import type { DB, MediaRow, MessageRow } from '../../db/schema';
import { allocateSeq } from '../../streams/seq';
import type { BatchRunner, BatchTx, RoomLite, RootLite } from './batch-tx';

/** PostgreSQL back-end of the write batcher: a few set-based queries per batch in one transaction. */
export function postgresBatchRunner(db: Kysely<DB>): BatchRunner {
  return (fn) =>
    db.transaction().execute(async (trx) => {
      const tx: BatchTx = {
        async rooms(ids) {
          const rows = await trx.selectFrom('rooms').select(['id', 'visibility']).where('id', 'in', ids).execute();
          return new Map<string, RoomLite>(rows.map((r) => [r.id, r]));
        },
        async members(pairs) {
          if (pairs.length === 0) return new Set();
          const rows = await trx
            .selectFrom('room_members')
            .select(['room_id', 'user_id'])
            .where((eb) => eb.or(pairs.map(([r, u]) => eb.and([eb('room_id', '=', r), eb('user_id', '=', u)]))))
            .execute();
          return new Set(rows.map((r) => `${r.room_id}|${r.user_id}`));
        },
        async existing(pairs) {
          if (pairs.length === 0) return new Map();
          const rows = await trx
            .selectFrom('messages')
            .selectAll()
            .where((eb) => eb.or(pairs.map(([s, c]) => eb.and([eb('sender_id', '=', s), eb('client_msg_id', '=', c)]))))
            .execute();
          return new Map(rows.map((r) => [`${r.sender_id}|${r.client_msg_id}`, r]));
        },
        async roots(ids) {
          if (ids.length === 0) return new Map();
          const rows = await trx
            .selectFrom('messages')
            .select(['id', 'room_id', 'thread_root_id', 'deleted_at'])
            .where('id', 'in', ids)
            .execute();
          return new Map<string, RootLite>(rows.map((r) => [r.id, r]));
        },
        async handles(pairs) {
          if (pairs.length === 0) return new Map();
          const rows = await trx
            .selectFrom('users as u')
            .innerJoin('room_members as m', 'm.user_id', 'u.id')
            .select(['u.id', 'u.handle', 'm.room_id'])
            .where((eb) => eb.or(pairs.map(([r, h]) => eb.and([eb('m.room_id', '=', r), eb('u.handle', '=', h)]))))
            .execute();
          return new Map(rows.map((r) => [`${r.room_id}|${r.handle}`, r.id]));
        },
        async allocate(roomId, n) {
          return allocateSeq(trx, { room: roomId }, n);
        },
        async media(ids) {
          if (ids.length === 0) return new Map();
          const rows = await trx.selectFrom('media').selectAll().where('id', 'in', ids).execute();
          return new Map<string, MediaRow>(rows.map((r) => [r.id, r]));
        },
        async attachMedia(pairs, at) {
          for (const [mediaId, messageId] of pairs) {
            await trx
              .updateTable('media')
              .set({ message_id: messageId, attached_at: at })
              .where('id', '=', mediaId)
              .execute();
          }
        },
        async insert(rows: MessageRow[]) {
          if (rows.length > 0) await trx.insertInto('messages').values(rows).execute();
        },
        async bumpReplies(rootId, n) {
          await trx
            .updateTable('messages')
            .set({ reply_count: sql`reply_count + ${n}` })
            .where('id', '=', rootId)
            .execute();
        },
      };
      return fn(tx);
    });
}
