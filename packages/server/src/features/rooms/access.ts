import { Limits, type MemberRole, type RoomEvent } from '@rounds/protocol';
import type { Actor, Deps } from '../../context';
import type { Db, MemberRow, RoomRow } from '../../db/schema';
import { AppError } from '../../errors';
import { getUsers } from '../accounts/service';
import * as store from './store';

type RoomAccess = { room: RoomRow; member: MemberRow | undefined };

/**
 * Loads a room and the actor's membership. Invite-only rooms are invisible to non-members (admins see
 * everything), and a hidden room looks exactly like a missing one. Usable inside a transaction.
 * Throws room_not_found.
 */
export async function loadAccess(db: Db, actor: Actor, roomId: string): Promise<RoomAccess> {
  const room = await store.findRoomById(db, roomId);
  const member = room ? await store.findMember(db, roomId, actor.userId) : undefined;
  if (!room || (room.visibility === 'invite_only' && !member && actor.role !== 'admin')) {
    throw new AppError('room_not_found', 'No such room.');
  }
  return { room, member };
}

/** The room if the actor may see it, and their role in it (null when not a member). Throws room_not_found. */
export async function accessRoom(
  deps: Deps,
  actor: Actor,
  roomId: string,
): Promise<{ room: RoomRow; role: MemberRole | null }> {
  const { room, member } = await loadAccess(deps.db, actor, roomId);
  return { room, role: member ? (member.role as MemberRole) : null };
}

/** The room and the actor's role in it. Throws room_not_found (missing or hidden), not_a_member. */
export async function requireMember(
  deps: Deps,
  actor: Actor,
  roomId: string,
): Promise<{ room: RoomRow; role: MemberRole }> {
  const { room, role } = await accessRoom(deps, actor, roomId);
  if (!role) throw new AppError('not_a_member', 'Join the room first.');
  return { room, role };
}

/** Like requireMember, but an admin passes without being a member (role null). Throws room_not_found, not_a_member. */
export async function requireMemberOrAdmin(
  db: Db,
  actor: Actor,
  roomId: string,
): Promise<{ room: RoomRow; role: MemberRole | null }> {
  const { room, member } = await loadAccess(db, actor, roomId);
  if (!member && actor.role !== 'admin') throw new AppError('not_a_member', 'Join the room first.');
  return { room, role: member ? (member.role as MemberRole) : null };
}

/** Owners, moderators and admins run a room. */
export const isModerator = (actor: Actor, role: MemberRole | null) =>
  actor.role === 'admin' || role === 'owner' || role === 'moderator';

/** Whether the actor may create rooms and groups: the per-user right, an admin, or open creation. */
export async function canCreateRooms(deps: Deps, actor: Actor): Promise<boolean> {
  if (actor.role === 'admin' || deps.config.openRoomCreation) return true;
  const user = (await getUsers(deps, [actor.userId])).get(actor.userId);
  return user?.can_create_rooms === 1;
}

/** Capacities above the default are an admin's call. Throws capacity_not_allowed. */
export function checkCapacity(actor: Actor, capacity: number): void {
  if (capacity > Limits.defaultRoomCapacity && actor.role !== 'admin') {
    throw new AppError('capacity_not_allowed', `Only an admin can set a capacity above ${Limits.defaultRoomCapacity}.`);
  }
}

/** What a transaction announces once it has committed. */
export type Outbox = {
  joined: { userId: string; roomId: string }[];
  events: RoomEvent[];
  left: { userId: string; roomId: string }[];
};

/** A new, empty outbox for one transaction. */
export const emptyOutbox = (): Outbox => ({ joined: [], events: [], left: [] });

/**
 * Publishes after commit. Joins first subscribe the user's sockets, so they also get their own
 * member.joined; leaves unsubscribe last, so the leaver's sockets also get member.left.
 */
export function publishOutbox(deps: Deps, out: Outbox): void {
  for (const j of out.joined)
    deps.hub.publish({ user: j.userId }, { type: 'membership.changed', roomId: j.roomId, joined: true });
  for (const e of out.events) deps.hub.publish({ room: e.roomId }, e);
  for (const l of out.left)
    deps.hub.publish({ user: l.userId }, { type: 'membership.changed', roomId: l.roomId, joined: false });
}
