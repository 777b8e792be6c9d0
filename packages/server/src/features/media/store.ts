import type { Insertable } from 'kysely';
import type { Db, MediaRow, MediaTable } from '../../db/schema';

export async function insertMedia(db: Db, row: Insertable<MediaTable>): Promise<void> {
  await db.insertInto('media').values(row).execute();
}

export async function findMedia(db: Db, id: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countPendingByUploader(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('uploader_id', '=', userId)
    .where('message_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Uploads no message took, created before `cutoff`. */
export async function findOrphans(db: Db, cutoff: number, limit: number): Promise<MediaRow[]> {
  return db
    .selectFrom('media')
    .selectAll()
    .where('attached_at', 'is', null)
    .where('created_at', '<', cutoff)
    .limit(limit)
    .execute();
}

export async function findMediaOfMessage(db: Db, messageId: string): Promise<MediaRow[]> {
  return db.selectFrom('media').selectAll().where('message_id', '=', messageId).execute();
}

export async function deleteMedia(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('media').where('id', 'in', ids).execute();
}
