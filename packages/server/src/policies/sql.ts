import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The visibility rule of policies/rooms.ts#canSee as SQL, for every list and search query over rooms:
 * a room is visible to `userId` when it is public or they are a member. Admin bypass is the caller's choice
 * (`if (!admin) query.where(...)`), since the directory shows admins only what it shows everyone.
 * Use on a query whose `rooms` table is in scope (as `rooms`).
 */
export function roomVisibleTo(eb: ExpressionBuilder<DB, 'rooms'>, userId: string): Expression<SqlBool> {
  return eb.or([
    eb('rooms.visibility', '!=', 'invite_only'),
    eb.exists(
      eb
        .selectFrom('room_members')
        .select('room_members.room_id')
        .whereRef('room_members.room_id', '=', 'rooms.id')
        .where('room_members.user_id', '=', userId),
    ),
  ]);
}
