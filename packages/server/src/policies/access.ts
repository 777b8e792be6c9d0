import type { MemberRole } from '@rounds/protocol';
import type { Actor } from '../context';
import type { Db, MemberRow, RoomRow } from '../db/schema';
import { AppError } from '../errors';
import { canSee } from './rooms';
import * as store from './store';

type RoomAccess = { room: RoomRow; member: MemberRow | undefined };

/**
 * Loads a room and the actor's membership, applying canSee: a hidden room looks exactly like a missing one.
 * Usable inside a transaction. Throws room_not_found.
 */
export async function loadAccess(db: Db, actor: Actor, roomId: string): Promise<RoomAccess> {
  const room = await store.findRoom(db, roomId);
  const member = room ? await store.findMembership(db, roomId, actor.userId) : undefined;
  if (!room || !canSee(actor, room, member ? (member.role as MemberRole) : null)) {
    throw new AppError('room_not_found', 'No such room.');
  }
  return { room, member };
}

/** The room if the actor may see it, and their role in it (null when not a member). Throws room_not_found. */
export async function accessRoom(
  db: Db,
  actor: Actor,
  roomId: string,
): Promise<{ room: RoomRow; role: MemberRole | null }> {
  const { room, member } = await loadAccess(db, actor, roomId);
  return { room, role: member ? (member.role as MemberRole) : null };
}

/** The room and the actor's role in it. Throws room_not_found (missing or hidden), not_a_member. */
export async function requireMember(
  db: Db,
  actor: Actor,
  roomId: string,
): Promise<{ room: RoomRow; role: MemberRole }> {
  const { room, role } = await accessRoom(db, actor, roomId);
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
