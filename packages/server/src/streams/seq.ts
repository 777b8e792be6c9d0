import type SQLite from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

/**
 * A stream is anything with its own gapless, increasing seq: a room (its counter is `rooms.last_seq`, on the
 * row that joins and seats already lock) or another stream (`streams.last_seq`), such as a lecture addressed
 * to many rooms. This file is the one place that takes seqs.
 */
export type StreamRef = { room: string } | { stream: string };

/** The stream's key on the wire and in the event log: the room id, or the stream id. */
export const streamKey = (ref: StreamRef): string => ('room' in ref ? ref.room : ref.stream);

/**
 * Takes the stream's next `n` seqs and returns the first. The UPDATE locks the counter's row, so concurrent
 * writers (on any node) serialize here and seqs stay gapless and ordered. Call inside the transaction that
 * writes the events; take several streams in sorted order (no deadlocks). Throws when the stream is missing.
 */
export async function allocateSeq(trx: Transaction<DB>, ref: StreamRef, n = 1): Promise<number> {
  const row =
    'room' in ref
      ? await trx
          .updateTable('rooms')
          .set({ last_seq: sql`last_seq + ${n}` })
          .where('id', '=', ref.room)
          .returning('last_seq')
          .executeTakeFirst()
      : await trx
          .updateTable('streams')
          .set({ last_seq: sql`last_seq + ${n}` })
          .where('id', '=', ref.stream)
          .returning('last_seq')
          .executeTakeFirst();
  if (!row) throw new Error(`allocateSeq: no stream ${streamKey(ref)}`);
  return Number(row.last_seq) - n + 1;
}

/**
 * The same allocation for the SQLite write batcher, which runs prepared statements on the raw handle
 * (building a Kysely query per room per batch costs more than the statement). Rooms only: the batcher writes
 * messages, and messages live in rooms.
 */
export function sqliteRoomSeqAllocator(sqlite: SQLite.Database): (roomId: string, n: number) => number {
  const stmt = sqlite.prepare<[number, string], { last_seq: number }>(
    'UPDATE rooms SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq',
  );
  return (roomId, n) => {
    const r = stmt.get(n, roomId);
    if (!r) throw new Error(`allocateSeq: no stream ${roomId}`);
    return r.last_seq - n + 1;
  };
}
