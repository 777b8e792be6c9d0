import type { MemberRole } from '@rounds/protocol';
import type { Actor } from '../context';

/** What a room rule needs of a room. */
type RoomLike = { visibility: string };
/** The caller: only the server role matters here. */
type Caller = Pick<Actor, 'role'>;

/**
 * The room rules, in one place: every feature asks these instead of comparing roles itself. `role` is the
 * caller's membership role in the room, or null when they are not a member. Sanctions (mute, ban), read-only
 * rooms and verification requirements are added here, so every read and write path obeys them at once.
 */

/** Invite-only rooms are invisible to outsiders (a hidden room must look exactly like a missing one); admins see all. */
export const canSee = (caller: Caller, room: RoomLike, role: MemberRole | null): boolean =>
  room.visibility !== 'invite_only' || role !== null || caller.role === 'admin';

/** Whether a non-member may take a seat: anyone in a public room; an admin anywhere. */
export const canJoin = (caller: Caller, room: RoomLike): boolean =>
  room.visibility !== 'invite_only' || caller.role === 'admin';

/** Members post. */
export const canPost = (_caller: Caller, _room: RoomLike, role: MemberRole | null): boolean => role !== null;

/** Owners, moderators and admins run a room: delete others' messages, remove members, change settings. */
export const canModerate = (caller: Caller, role: MemberRole | null): boolean =>
  caller.role === 'admin' || role === 'owner' || role === 'moderator';

/** Owners and admins manage what moderators may not: capacity, owners and moderators. */
export const canManage = (caller: Caller, role: MemberRole | null): boolean =>
  caller.role === 'admin' || role === 'owner';
