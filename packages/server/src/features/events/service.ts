import type { RoomEvent } from '@rounds/protocol';
import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/schema';
import * as store from './store';

/**
 * Takes the room's next `n` sequence numbers and returns the first. The UPDATE locks the room row, so
 * concurrent writers (on any node) serialize here and seqs stay gapless and ordered.
 * Call inside the transaction that writes the events; throws when the room does not exist.
 */
async function allocateSeq(trx: Transaction<DB>, roomId: string, n = 1): Promise<number> {
  const row = await trx
    .updateTable('rooms')
    .set({ last_seq: sql`last_seq + ${n}` })
    .where('id', '=', roomId)
    .returning('last_seq')
    .executeTakeFirst();
  if (!row) throw new Error(`allocateSeq: no room ${roomId}`);
  return Number(row.last_seq) - n + 1;
}

/**
 * Appends one event (anything but message.created, which lives in `messages`) to the room's log with the
 * next seq, for `sync` to replay. Call inside the writing transaction; publish the result after commit.
 */
export async function appendRoomEvent<E extends RoomEvent>(
  trx: Transaction<DB>,
  roomId: string,
  make: (seq: number) => E,
): Promise<E> {
  const seq = await allocateSeq(trx, roomId);
  const event = make(seq);
  await store.insertRoomEvent(trx, {
    room_id: roomId,
    seq,
    type: event.type,
    payload: JSON.stringify(event),
    created_at: Date.now(),
  });
  return event;
}

/** Logged events of a room with seq in (afterSeq, toSeq], ascending. */
export async function loggedEvents(db: Db, roomId: string, afterSeq: number, toSeq: number): Promise<RoomEvent[]> {
  const rows = await store.findRoomEvents(db, roomId, afterSeq, toSeq);
  return rows.map((r) => JSON.parse(r.payload) as RoomEvent);
}
