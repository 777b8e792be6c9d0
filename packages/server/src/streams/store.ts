import type { Insertable } from 'kysely';
import type { Db, RoomEventsTable, StreamsTable } from '../db/schema';

export async function insertStreamEvent(db: Db, row: Insertable<RoomEventsTable>): Promise<void> {
  await db.insertInto('room_events').values(row).execute();
}

export async function findStreamEvents(db: Db, streamId: string, afterSeq: number, toSeq: number) {
  return db
    .selectFrom('room_events')
    .select(['seq', 'payload'])
    .where('room_id', '=', streamId)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', toSeq)
    .orderBy('seq')
    .execute();
}

export async function insertStream(db: Db, row: Insertable<StreamsTable>): Promise<void> {
  await db.insertInto('streams').values(row).execute();
}

export async function findStream(db: Db, id: string) {
  return db.selectFrom('streams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function addStreamRooms(db: Db, streamId: string, roomIds: readonly string[]): Promise<void> {
  if (roomIds.length === 0) return;
  await db
    .insertInto('stream_rooms')
    .values(roomIds.map((room_id) => ({ stream_id: streamId, room_id })))
    .execute();
}

export async function findStreamRooms(db: Db, streamId: string) {
  return db.selectFrom('stream_rooms').select('room_id').where('stream_id', '=', streamId).orderBy('room_id').execute();
}
