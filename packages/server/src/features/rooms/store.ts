import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type {
  Db,
  MemberRow,
  RoomGroupRow,
  RoomGroupsTable,
  RoomMembersTable,
  RoomRow,
  RoomsTable,
  UserRow,
} from '../../db/schema';
import { roomVisibleTo } from '../../policies/sql';

/** `%q%` for LIKE with `\` escaping `%`, `_` and `\`, lower-cased to match `lower(column)`. */
const likePattern = (q: string) => `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
const ilike = (column: string, pattern: string) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

/** Rank of each role for ordering member lists: owners first. */
const roleRank = sql<number>`case room_members.role when 'owner' then 0 when 'moderator' then 1 when 'expert' then 2 else 3 end`;

// Rooms

/** The room, or undefined. */
export async function findRoomById(db: Db, id: string): Promise<RoomRow | undefined> {
  return db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a room row; its seats and memberships are the caller's. */
export async function insertRoom(db: Db, row: Insertable<RoomsTable>): Promise<void> {
  await db.insertInto('rooms').values(row).execute();
}

/** Writes room settings. */
export async function updateRoom(db: Db, id: string, patch: Updateable<RoomsTable>): Promise<void> {
  await db.updateTable('rooms').set(patch).where('id', '=', id).execute();
}

/**
 * Takes one seat: `member_count + 1` only while `member_count < capacity`. Returns false when the room is
 * full. The guard in the UPDATE (not a prior read) is what keeps concurrent joins under capacity on PostgreSQL.
 */
export async function takeSeat(db: Db, roomId: string): Promise<boolean> {
  const r = await db
    .updateTable('rooms')
    .set({ member_count: sql`member_count + 1` })
    .where('id', '=', roomId)
    .where(sql<SqlBool>`member_count < capacity`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Frees one seat (never below zero). */
export async function releaseSeat(db: Db, roomId: string): Promise<void> {
  await db
    .updateTable('rooms')
    .set({ member_count: sql`member_count - 1` })
    .where('id', '=', roomId)
    .where('member_count', '>', 0)
    .execute();
}

type DirectoryFilter = {
  userId: string;
  q?: string | undefined;
  language?: string | undefined;
  groupId?: string | undefined;
  limit: number;
};

/** Public rooms plus the rooms `userId` belongs to, filtered; biggest first. */
export async function listDirectory(db: Db, f: DirectoryFilter): Promise<RoomRow[]> {
  let query = db
    .selectFrom('rooms')
    .selectAll()
    .where((eb) => roomVisibleTo(eb, f.userId));
  if (f.q) {
    const p = likePattern(f.q);
    query = query.where((eb) => eb.or([ilike('name', p), ilike('topic', p), ilike('description', p)]));
  }
  if (f.language) query = query.where('language', '=', f.language);
  if (f.groupId) query = query.where('group_id', '=', f.groupId);
  return query.orderBy('member_count', 'desc').orderBy('created_at').orderBy('id').limit(f.limit).execute();
}

// Members

/** The membership, or undefined. */
export async function findMember(db: Db, roomId: string, userId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('room_members')
    .selectAll()
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Inserts a membership; throws a duplicate-key error when it exists (see isDuplicateKey). */
export async function insertMember(db: Db, row: Insertable<RoomMembersTable>): Promise<void> {
  await db.insertInto('room_members').values(row).execute();
}

/** Returns how many rows were deleted (0 or 1). */
export async function deleteMember(db: Db, roomId: string, userId: string): Promise<number> {
  const r = await db
    .deleteFrom('room_members')
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Sets a member's role. */
export async function updateMemberRole(db: Db, roomId: string, userId: string, role: string): Promise<void> {
  await db
    .updateTable('room_members')
    .set({ role })
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .execute();
}

/** How many owners the room has. */
export async function countOwners(db: Db, roomId: string): Promise<number> {
  const row = await db
    .selectFrom('room_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('room_id', '=', roomId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type MemberWithUser = { member: MemberRow; user: UserRow };

/** One page of a room's members with their users, owners first, then by display name. */
export async function listMembers(
  db: Db,
  roomId: string,
  page: { limit: number; offset: number; q?: string | undefined },
): Promise<{ rows: MemberWithUser[]; total: number }> {
  let base = db
    .selectFrom('room_members')
    .innerJoin('users', 'users.id', 'room_members.user_id')
    .where('room_members.room_id', '=', roomId);
  if (page.q) {
    const p = likePattern(page.q);
    base = base.where((eb) => eb.or([ilike('users.display_name', p), ilike('users.handle', p)]));
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll('users')
      .select([
        'room_members.room_id as m_room_id',
        'room_members.role as m_role',
        'room_members.joined_at as m_joined_at',
        'room_members.last_read_seq as m_last_read_seq',
      ])
      .orderBy(roleRank)
      .orderBy('users.display_name')
      .orderBy('users.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map(({ m_room_id, m_role, m_joined_at, m_last_read_seq, ...user }) => ({
      user,
      member: {
        room_id: m_room_id,
        user_id: user.id,
        role: m_role,
        joined_at: m_joined_at,
        last_read_seq: m_last_read_seq,
      },
    })),
  };
}

/** The rooms a user belongs to with their membership, in the order they joined. */
export async function findRoomsOfUser(
  db: Db,
  userId: string,
): Promise<(RoomRow & { role: string; last_read_seq: number })[]> {
  return db
    .selectFrom('room_members')
    .innerJoin('rooms', 'rooms.id', 'room_members.room_id')
    .selectAll('rooms')
    .select(['room_members.role', 'room_members.last_read_seq'])
    .where('room_members.user_id', '=', userId)
    .orderBy('room_members.joined_at')
    .orderBy('rooms.id')
    .execute();
}

/** Ids and member counts of the rooms a user belongs to. */
export async function findRoomIdsOfUser(db: Db, userId: string): Promise<{ id: string; member_count: number }[]> {
  return db
    .selectFrom('room_members')
    .innerJoin('rooms', 'rooms.id', 'room_members.room_id')
    .select(['rooms.id', 'rooms.member_count'])
    .where('room_members.user_id', '=', userId)
    .execute();
}

// Groups

/** The group, or undefined. */
export async function findGroupById(db: Db, id: string): Promise<RoomGroupRow | undefined> {
  return db.selectFrom('room_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Locks the group row until the transaction ends (a no-op UPDATE works in both dialects), so two joins
 * that both find every sibling full cannot both create a new room. Call inside the joining transaction.
 */
export async function lockGroupById(db: Db, id: string): Promise<RoomGroupRow | undefined> {
  return db
    .updateTable('room_groups')
    .set({ auto_create: sql`auto_create` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Every group, oldest first. */
export async function listGroups(db: Db): Promise<RoomGroupRow[]> {
  return db.selectFrom('room_groups').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Inserts a group row. */
export async function insertGroup(db: Db, row: Insertable<RoomGroupsTable>): Promise<void> {
  await db.insertInto('room_groups').values(row).execute();
}

/** Writes group settings. */
export async function updateGroup(db: Db, id: string, patch: Updateable<RoomGroupsTable>): Promise<void> {
  await db.updateTable('room_groups').set(patch).where('id', '=', id).execute();
}

/** Rooms of a group, oldest first (the order overflow fills them in). */
export async function findGroupRooms(db: Db, groupId: string): Promise<RoomRow[]> {
  return db
    .selectFrom('rooms')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Ids of the groups' rooms that `userId` may see (public, or a member; every room when `all`),
 * oldest first.
 */
export async function findVisibleGroupRoomIds(
  db: Db,
  groupIds: readonly string[],
  userId: string,
  all: boolean,
): Promise<{ id: string; group_id: string | null }[]> {
  if (groupIds.length === 0) return [];
  let query = db.selectFrom('rooms').select(['id', 'group_id']).where('group_id', 'in', groupIds);
  if (!all) {
    query = query.where((eb) => roomVisibleTo(eb, userId));
  }
  return query.orderBy('created_at').orderBy('id').execute();
}

/** Which of these rooms the user belongs to. */
export async function findMemberRoomIds(db: Db, userId: string, roomIds: readonly string[]): Promise<string[]> {
  if (roomIds.length === 0) return [];
  const rows = await db
    .selectFrom('room_members')
    .select('room_id')
    .where('user_id', '=', userId)
    .where('room_id', 'in', roomIds)
    .execute();
  return rows.map((r) => r.room_id);
}

/** True for a unique or primary key violation (two writers raced to insert the same membership). */
export function isDuplicateKey(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  return /unique constraint|duplicate key/i.test(String(err));
}
