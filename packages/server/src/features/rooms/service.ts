import {
  type CreateGroupBody,
  type CreateRoomBody,
  Limits,
  type MyRoom,
  type Room,
  type RoomGroup,
  type RoomListQuery,
  type UpdateGroupBody,
  type UpdateRoomBody,
} from '@rounds/protocol';
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { Actor, Deps } from '../../context';
import type { RoomGroupsTable, RoomsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { inUnit } from '../../events/unit';
import { newId } from '../../ids';
import { accessRoom, requireMemberOrAdmin } from '../../policies/access';
import { canManage, canModerate } from '../../policies/rooms';
import { appendEvent } from '../../streams/log';
import { getUsers } from '../accounts/service';
import { unreadCounts } from '../messages/service';
import { canCreateRooms, checkCapacity } from './access';
import { enterRoom } from './join';
import { toGroup, toRoom } from './mappers';
import * as store from './store';

export { joinRoom } from './join';
export { addMember, leaveRoom, listMembers, removeMember, setMemberRole } from './members';

/** Canonical BCP 47 form (`zh-hans` -> `zh-Hans`), or the input when it is not a tag. */
function canonicalLanguage(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** Rooms the user belongs to, for subscribing a new socket. */
export async function listRoomsForSocket(deps: Deps, userId: string): Promise<{ id: string; memberCount: number }[]> {
  const rows = await store.findRoomIdsOfUser(deps.db, userId);
  return rows.map((r) => ({ id: r.id, memberCount: Number(r.member_count) }));
}

/**
 * Creates a room; its creator becomes its owner. Throws room_creation_not_allowed, capacity_not_allowed,
 * group_not_found, user_not_found.
 */
export async function createRoom(deps: Deps, actor: Actor, input: CreateRoomBody): Promise<Room> {
  if (!(await canCreateRooms(deps, actor)))
    throw new AppError('room_creation_not_allowed', 'You may not create rooms on this server.');
  const group = input.groupId ? await store.findGroupById(deps.db, input.groupId) : undefined;
  if (input.groupId && !group) throw new AppError('group_not_found', 'No such group.');
  // A room created in a group gets the group's seat count unless it names its own (docs/PROTOCOL.md §4.3).
  const capacity = input.capacity ?? (group ? Number(group.room_capacity) : Limits.defaultRoomCapacity);
  if (input.capacity !== undefined) checkCapacity(actor, capacity);
  const [users, online] = await Promise.all([getUsers(deps, [actor.userId]), deps.presence.online([actor.userId])]);
  const creator = users.get(actor.userId);
  if (!creator) throw new AppError('user_not_found', 'Your account no longer exists.');
  const id = newId();
  const row = await inUnit(deps, async (trx, out) => {
    if (input.groupId && !(await store.findGroupById(trx, input.groupId)))
      throw new AppError('group_not_found', 'No such group.');
    await store.insertRoom(trx, {
      id,
      group_id: input.groupId ?? null,
      name: input.name,
      topic: input.topic,
      description: input.description,
      language: canonicalLanguage(input.language),
      capacity,
      visibility: input.visibility,
      announcement: input.announcement,
      member_count: 0,
      last_seq: 0,
      created_by: actor.userId,
      created_at: Date.now(),
    });
    await store.takeSeat(trx, id);
    await enterRoom(trx, id, creator, 'owner', online.has(actor.userId), out);
    return store.findRoomById(trx, id);
  });
  if (!row) throw new Error(`createRoom: room ${id} missing after insert`);
  return toRoom(row);
}

/** A room the actor may see. Throws room_not_found. */
export async function getRoom(deps: Deps, actor: Actor, roomId: string): Promise<Room> {
  return toRoom((await accessRoom(deps.db, actor, roomId)).room);
}

/** The directory: public rooms and the actor's own rooms, filtered by text, language and group. */
export async function listRooms(deps: Deps, actor: Actor, query: z.infer<typeof RoomListQuery>): Promise<Room[]> {
  const rows = await store.listDirectory(deps.db, {
    userId: actor.userId,
    q: query.q?.trim() || undefined,
    language: query.language ? canonicalLanguage(query.language) : undefined,
    groupId: query.groupId,
    limit: query.limit,
  });
  return rows.map(toRoom);
}

/**
 * Changes a room's settings and announces room.updated. Owners, moderators and admins; capacity only owners
 * and admins (above the default only admins); moving into a group needs the right to create rooms.
 * Lowering capacity below the member count evicts nobody. Throws room_not_found, not_a_member, forbidden,
 * capacity_not_allowed, group_not_found.
 */
export async function updateRoom(deps: Deps, actor: Actor, roomId: string, patch: UpdateRoomBody): Promise<Room> {
  const mayGroup = patch.groupId ? await canCreateRooms(deps, actor) : true;
  const room = await inUnit(deps, async (trx, out) => {
    const { room, role } = await requireMemberOrAdmin(trx, actor, roomId);
    if (!canModerate(actor, role)) throw new AppError('forbidden', 'Only owners and moderators can change the room.');
    const changes: Updateable<RoomsTable> = {};
    if (patch.name !== undefined && patch.name !== room.name) changes.name = patch.name;
    if (patch.topic !== undefined && patch.topic !== room.topic) changes.topic = patch.topic;
    if (patch.description !== undefined && patch.description !== room.description)
      changes.description = patch.description;
    if (patch.announcement !== undefined && patch.announcement !== room.announcement)
      changes.announcement = patch.announcement;
    if (patch.visibility !== undefined && patch.visibility !== room.visibility) changes.visibility = patch.visibility;
    if (patch.language !== undefined && canonicalLanguage(patch.language) !== room.language) {
      changes.language = canonicalLanguage(patch.language);
    }
    if (patch.capacity !== undefined && patch.capacity !== Number(room.capacity)) {
      if (!canManage(actor, role)) throw new AppError('forbidden', 'Only owners can change the capacity.');
      checkCapacity(actor, patch.capacity);
      changes.capacity = patch.capacity;
    }
    if (patch.groupId !== undefined && patch.groupId !== room.group_id) {
      if (patch.groupId !== null) {
        if (!mayGroup) throw new AppError('forbidden', 'Only users who may create rooms can move a room into a group.');
        if (!(await store.findGroupById(trx, patch.groupId))) throw new AppError('group_not_found', 'No such group.');
      }
      changes.group_id = patch.groupId;
    }
    if (Object.keys(changes).length === 0) return room;
    await store.updateRoom(trx, roomId, changes);
    const updated = { ...room, ...changes } as typeof room;
    const event = await appendEvent(trx, { room: roomId }, (seq) => ({
      type: 'room.updated' as const,
      roomId,
      seq,
      room: toRoom({ ...updated, last_seq: seq }),
    }));
    out.room(event);
    return { ...updated, last_seq: event.seq };
  });
  return toRoom(room);
}

/** The actor's rooms with their role, read position and unread and mention counts. */
export async function listMyRooms(deps: Deps, actor: Actor): Promise<MyRoom[]> {
  const rows = await store.findRoomsOfUser(deps.db, actor.userId);
  const counts = await unreadCounts(
    deps,
    actor.userId,
    rows.map((r) => ({ roomId: r.id, lastReadSeq: Number(r.last_read_seq) })),
  );
  return rows.map(({ role, last_read_seq, ...room }) => {
    const c = counts.get(room.id);
    return {
      ...toRoom(room),
      role: role as MyRoom['role'],
      lastReadSeq: Number(last_read_seq),
      unreadCount: c?.unread ?? 0,
      mentionCount: c?.mentions ?? 0,
    };
  });
}

// Groups

async function groupsWithRooms(
  deps: Deps,
  actor: Actor,
  groups: Awaited<ReturnType<typeof store.listGroups>>,
): Promise<RoomGroup[]> {
  const rooms = await store.findVisibleGroupRoomIds(
    deps.db,
    groups.map((g) => g.id),
    actor.userId,
    actor.role === 'admin',
  );
  return groups.map((g) =>
    toGroup(
      g,
      rooms.filter((r) => r.group_id === g.id).map((r) => r.id),
    ),
  );
}

/** Every group, with the rooms of each that the actor may see. */
export async function listGroups(deps: Deps, actor: Actor): Promise<RoomGroup[]> {
  return groupsWithRooms(deps, actor, await store.listGroups(deps.db));
}

/** Throws group_not_found. */
export async function getGroup(deps: Deps, actor: Actor, groupId: string): Promise<RoomGroup> {
  const group = await store.findGroupById(deps.db, groupId);
  if (!group) throw new AppError('group_not_found', 'No such group.');
  const [result] = await groupsWithRooms(deps, actor, [group]);
  return result as RoomGroup;
}

/** Creates a room group. Throws room_creation_not_allowed, capacity_not_allowed. */
export async function createGroup(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof CreateGroupBody>,
): Promise<RoomGroup> {
  if (!(await canCreateRooms(deps, actor)))
    throw new AppError('room_creation_not_allowed', 'You may not create room groups on this server.');
  checkCapacity(actor, input.roomCapacity);
  const row = {
    id: newId(),
    name: input.name,
    description: input.description,
    auto_create: input.autoCreate ? 1 : 0,
    room_capacity: input.roomCapacity,
    created_by: actor.userId,
    created_at: Date.now(),
  };
  await store.insertGroup(deps.db, row);
  return toGroup(row, []);
}

/**
 * Changes a group: admins, or its creator while they may create rooms.
 * Throws group_not_found, forbidden, capacity_not_allowed.
 */
export async function updateGroup(
  deps: Deps,
  actor: Actor,
  groupId: string,
  patch: z.infer<typeof UpdateGroupBody>,
): Promise<RoomGroup> {
  const group = await store.findGroupById(deps.db, groupId);
  if (!group) throw new AppError('group_not_found', 'No such group.');
  if (actor.role !== 'admin' && !(group.created_by === actor.userId && (await canCreateRooms(deps, actor)))) {
    throw new AppError('forbidden', 'Only an admin or the group’s creator can change it.');
  }
  if (patch.roomCapacity !== undefined) checkCapacity(actor, patch.roomCapacity);
  const changes: Updateable<RoomGroupsTable> = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.autoCreate !== undefined && { auto_create: patch.autoCreate ? 1 : 0 }),
    ...(patch.roomCapacity !== undefined && { room_capacity: patch.roomCapacity }),
  };
  if (Object.keys(changes).length > 0) await store.updateGroup(deps.db, groupId, changes);
  return getGroup(deps, actor, groupId);
}
