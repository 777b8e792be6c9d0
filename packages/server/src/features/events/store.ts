import type { Insertable } from 'kysely';
import type { Db, RoomEventsTable } from '../../db/schema';

export async function insertRoomEvent(db: Db, row: Insertable<RoomEventsTable>): Promise<void> {
  await db.insertInto('room_events').values(row).execute();
}

export async function findRoomEvents(db: Db, roomId: string, afterSeq: number, toSeq: number) {
  return db
    .selectFrom('room_events')
    .select(['seq', 'payload'])
    .where('room_id', '=', roomId)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', toSeq)
    .orderBy('seq')
    .execute();
}
