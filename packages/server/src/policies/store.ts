import type { Db } from '../db/schema';

export async function findRoom(db: Db, roomId: string) {
  return db.selectFrom('rooms').selectAll().where('id', '=', roomId).executeTakeFirst();
}

export async function findMembership(db: Db, roomId: string, userId: string) {
  return db
    .selectFrom('room_members')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
