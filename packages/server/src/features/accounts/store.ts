import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db, SessionRow, UserRow, UsersTable } from '../../db/schema';

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUsersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserByHandle(db: Db, handle: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('handle', '=', handle).executeTakeFirst();
}

/** Handles already taken among those starting with `prefix`, to pick a free one. */

export async function findHandlesLike(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('handle').where('handle', 'like', `${prefix}%`).execute();
  return rows.map((r) => r.handle);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Case-insensitive substring search on name, handle and institution, in both dialects. */
export async function searchUsers(db: Db, q: string, limit: number): Promise<UserRow[]> {
  const pattern = `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const like = (column: 'display_name' | 'handle' | 'institution') =>
    sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([like('display_name'), like('handle'), like('institution')]))
    .orderBy('display_name')
    .limit(limit)
    .execute();
}

/**
 * Ids of the administrators, locking their rows until the transaction ends (a no-op UPDATE locks in both
 * dialects). Call inside the transaction that may demote one.
 */
export async function lockAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .updateTable('users')
    .set({ role: sql`role` })
    .where('role', '=', 'admin')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<(SessionRow & { role: string }) | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select('users.role')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findSessionsByUser(db: Db, userId: string): Promise<SessionRow[]> {
  return db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute();
}

export async function touchSession(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Deletes one of a user's sessions; returns how many were deleted (0 or 1). */
export async function deleteSession(db: Db, userId: string, id: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes every session of a user except `keepId`; returns the ids deleted. */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string | null): Promise<string[]> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  const rows = await q.returning('id').execute();
  return rows.map((r) => r.id);
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
