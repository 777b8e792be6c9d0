import type { Insertable } from 'kysely';
import type { Db, SignalsTable } from '../db/schema';

export async function insertSignal(db: Db, row: Insertable<SignalsTable>): Promise<void> {
  await db.insertInto('signals').values(row).execute();
}

export async function findSignalsSince(db: Db, since: number) {
  return db.selectFrom('signals').selectAll().where('created_at', '>=', since).orderBy('created_at').execute();
}

export async function deleteSignalsBefore(db: Db, before: number): Promise<void> {
  await db.deleteFrom('signals').where('created_at', '<', before).execute();
}
