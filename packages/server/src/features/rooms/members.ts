import type { Member, MemberRole } from '@rounds/protocol';
import type { Transaction } from 'kysely';
import type { Actor, Deps } from '../../context';
import type { DB, MemberRow } from '../../db/schema';
import { AppError } from '../../errors';
import { inUnit, type Outbox } from '../../events/unit';
import { loadAccess, requireMemberOrAdmin } from '../../policies/access';
import { canManage, canModerate } from '../../policies/rooms';
import { appendEvent } from '../../streams/log';
import { getUsers } from '../accounts/service';
import { enterRoom } from './join';
import { toMember } from './mappers';
import * as store from './store';

/** Roles a moderator may hand out, and the only roles of members a moderator may change or remove. */
const moderatorScope = new Set<string>(['expert', 'member']);

const forbidden = (message: string) => new AppError('forbidden', message);

/** Removes a membership, frees its seat and logs member.left. Call inside the writing transaction. */
async function exitRoom(
  trx: Transaction<DB>,
  roomId: string,
  userId: string,
  removed: boolean,
  out: Outbox,
): Promise<void> {
  await store.deleteMember(trx, roomId, userId);
  await store.releaseSeat(trx, roomId);
  const event = await appendEvent(trx, { room: roomId }, (seq) => ({
    type: 'member.left' as const,
    roomId,
    seq,
    userId,
    removed,
  }));
  out.room(event);
  out.unsubscribe(userId, roomId);
}

/** The target's membership. Throws not_a_member. */
async function targetMember(trx: Transaction<DB>, roomId: string, userId: string): Promise<MemberRow> {
  const m = await store.findMember(trx, roomId, userId);
  if (!m) throw new AppError('not_a_member', 'That user is not a member of this room.');
  return m;
}

/** Throws last_owner when `target` is the room's only owner. */
async function keepAnOwner(trx: Transaction<DB>, roomId: string, target: MemberRow): Promise<void> {
  if (target.role === 'owner' && (await store.countOwners(trx, roomId)) <= 1) {
    throw new AppError('last_owner', 'A room needs an owner: make someone else owner first.');
  }
}

/** Leaves a room. The last owner may leave only when nobody else remains. Throws room_not_found, not_a_member, last_owner. */
export async function leaveRoom(deps: Deps, actor: Actor, roomId: string): Promise<void> {
  await inUnit(deps, async (trx, out) => {
    const { room, member } = await loadAccess(trx, actor, roomId);
    if (!member) throw new AppError('not_a_member', 'You are not a member of this room.');
    if (room.member_count > 1) await keepAnOwner(trx, roomId, member);
    await exitRoom(trx, roomId, actor.userId, false, out);
  });
}

/**
 * Removes someone else (owners, moderators, admins; a moderator cannot remove owners or moderators).
 * Removing yourself is leaving. Throws room_not_found, not_a_member, forbidden, last_owner.
 */
export async function removeMember(deps: Deps, actor: Actor, roomId: string, userId: string): Promise<void> {
  if (userId === actor.userId) return leaveRoom(deps, actor, roomId);
  await inUnit(deps, async (trx, out) => {
    const { role } = await requireMemberOrAdmin(trx, actor, roomId);
    if (!canModerate(actor, role)) throw forbidden('Only owners and moderators can remove members.');
    const target = await targetMember(trx, roomId, userId);
    if (!canManage(actor, role) && !moderatorScope.has(target.role)) {
      throw forbidden('Moderators cannot remove owners or moderators.');
    }
    await keepAnOwner(trx, roomId, target);
    await exitRoom(trx, roomId, userId, true, out);
  });
}

/**
 * Changes a member's role. Owners and admins set any role; moderators set expert or member on experts and
 * members. Throws room_not_found, not_a_member, forbidden, last_owner.
 */
export async function setMemberRole(
  deps: Deps,
  actor: Actor,
  roomId: string,
  userId: string,
  role: MemberRole,
): Promise<Member> {
  const [users, online] = await Promise.all([getUsers(deps, [userId]), deps.presence.online([userId])]);
  const member = await inUnit(deps, async (trx, out) => {
    const { role: mine } = await requireMemberOrAdmin(trx, actor, roomId);
    if (!canModerate(actor, mine)) throw forbidden('Only owners and moderators can change roles.');
    const target = await targetMember(trx, roomId, userId);
    if (!canManage(actor, mine) && !(moderatorScope.has(role) && moderatorScope.has(target.role))) {
      throw forbidden('Moderators can only switch members between expert and member.');
    }
    const user = users.get(userId);
    if (!user) throw new AppError('user_not_found', 'No such user.');
    const next = toMember(user, { role, joined_at: target.joined_at }, online.has(userId));
    if (target.role === role) return next;
    await keepAnOwner(trx, roomId, target);
    await store.updateMemberRole(trx, roomId, userId, role);
    out.room(
      await appendEvent(trx, { room: roomId }, (seq) => ({
        type: 'member.updated' as const,
        roomId,
        seq,
        member: next,
      })),
    );
    return next;
  });
  return member;
}

/**
 * Adds a user to a room (how invite-only rooms fill). Owners and admins add with any role; moderators as
 * expert or member. Respects capacity. Throws room_not_found, not_a_member, forbidden, user_not_found,
 * already_a_member, room_full.
 */
export async function addMember(
  deps: Deps,
  actor: Actor,
  roomId: string,
  input: { userId: string; role: MemberRole },
): Promise<Member> {
  // Authorize before looking the user up, so non-moderators cannot probe for accounts.
  const pre = await requireMemberOrAdmin(deps.db, actor, roomId);
  if (!canModerate(actor, pre.role)) throw forbidden('Only owners and moderators can add members.');
  const [users, online] = await Promise.all([getUsers(deps, [input.userId]), deps.presence.online([input.userId])]);
  const user = users.get(input.userId);
  if (!user) throw new AppError('user_not_found', 'No such user.');

  const member = await inUnit(deps, async (trx, out) => {
    const { role: mine } = await requireMemberOrAdmin(trx, actor, roomId);
    if (!canModerate(actor, mine)) throw forbidden('Only owners and moderators can add members.');
    if (!canManage(actor, mine) && !moderatorScope.has(input.role)) {
      throw forbidden('Moderators can add experts and members only.');
    }
    if (await store.findMember(trx, roomId, input.userId))
      throw new AppError('already_a_member', 'That user is already a member.');
    if (!(await store.takeSeat(trx, roomId))) throw new AppError('room_full', 'This room is full.');
    return enterRoom(trx, roomId, user, input.role, online.has(input.userId), out);
  }).catch((err: unknown) => {
    // A concurrent join or add of the same user won the race (PostgreSQL; SQLite serializes writers).
    throw store.isDuplicateKey(err) ? new AppError('already_a_member', 'That user is already a member.') : err;
  });
  return member;
}

/**
 * One page of a room's members, owners first, with presence. Members (and admins) only.
 * Throws room_not_found, not_a_member.
 */
export async function listMembers(
  deps: Deps,
  actor: Actor,
  roomId: string,
  page: { limit: number; offset: number; q?: string | undefined },
): Promise<{ members: Member[]; total: number }> {
  await requireMemberOrAdmin(deps.db, actor, roomId);
  const { rows, total } = await store.listMembers(deps.db, roomId, page);
  const online = await deps.presence.online(rows.map((r) => r.user.id));
  return { total, members: rows.map((r) => toMember(r.user, r.member, online.has(r.user.id))) };
}
