import type { JoinResult, Member, MemberRole } from '@rounds/protocol';
import type { Transaction } from 'kysely';
import type { Actor, Deps } from '../../context';
import type { DB, RoomGroupRow, RoomRow, UserRow } from '../../db/schema';
import { AppError } from '../../errors';
import type { Outbox } from '../../events/unit';
import { inUnit } from '../../events/unit';
import { newId } from '../../ids';
import { canJoin } from '../../policies/rooms';
import { appendEvent } from '../../streams/log';
import { getUsers } from '../accounts/service';
import { toMember, toRoom } from './mappers';
import * as store from './store';

/**
 * Adds a membership whose seat was already taken (`store.takeSeat`) and logs member.joined. The new
 * member has read up to their own join event, so the room's history does not count as unread.
 * Call inside the transaction that took the seat; `out` is published after commit.
 */
export async function enterRoom(
  trx: Transaction<DB>,
  roomId: string,
  user: UserRow,
  role: MemberRole,
  online: boolean,
  out: Outbox,
): Promise<Member> {
  const joinedAt = Date.now();
  const member = toMember(user, { role, joined_at: joinedAt }, online);
  const event = await appendEvent(trx, { room: roomId }, (seq) => ({
    type: 'member.joined' as const,
    roomId,
    seq,
    member,
  }));
  await store.insertMember(trx, {
    room_id: roomId,
    user_id: user.id,
    role,
    joined_at: joinedAt,
    last_read_seq: event.seq,
  });
  out.subscribe(user.id, roomId);
  out.room(event);
  return member;
}

type Placement = { roomId: string; overflowed: boolean; createdRoom: boolean };
type JoinContext = {
  trx: Transaction<DB>;
  actor: Actor;
  users: Map<string, UserRow>;
  online: Set<string>;
  out: Outbox;
};

/**
 * Joins a room. Idempotent for a member. When the room is full and belongs to a group, the user is placed
 * in the oldest sibling with space (`overflowed`), or in the sibling they already belong to, or, when every
 * sibling is full and the group has autoCreate, in a new sibling owned by the group's creator (`createdRoom`).
 * Seats are taken with a guarded UPDATE in one transaction, so concurrent joins never exceed capacity.
 * Throws room_not_found (also for an invite-only room the caller was not added to), room_full, user_not_found.
 */
export async function joinRoom(deps: Deps, actor: Actor, roomId: string): Promise<JoinResult> {
  try {
    return await joinOnce(deps, actor, roomId);
  } catch (err) {
    // On PostgreSQL two joins of the same user (a double click) can both pass the membership check;
    // the primary key stops the second, and running it again answers it idempotently.
    if (!store.isDuplicateKey(err)) throw err;
    return joinOnce(deps, actor, roomId);
  }
}

async function joinOnce(deps: Deps, actor: Actor, roomId: string): Promise<JoinResult> {
  // Users and presence are read before the transaction: they do not decide seats, and on SQLite the
  // transaction holds the only connection.
  const before = await store.findRoomById(deps.db, roomId);
  if (!before) throw new AppError('room_not_found', 'No such room.');
  const group = before.group_id ? await store.findGroupById(deps.db, before.group_id) : undefined;
  const ids = [actor.userId, ...(group && group.created_by !== actor.userId ? [group.created_by] : [])];
  const [users, online] = await Promise.all([getUsers(deps, ids), deps.presence.online(ids)]);
  if (!users.has(actor.userId)) throw new AppError('user_not_found', 'Your account no longer exists.');

  const { room, placement } = await inUnit(deps, async (trx, out) => {
    const placement = await place({ trx, actor, users, online, out }, roomId);
    const room = await store.findRoomById(trx, placement.roomId);
    if (!room) throw new Error(`joinRoom: room ${placement.roomId} vanished inside its transaction`);
    return { room, placement };
  });
  return {
    room: toRoom(room),
    requestedRoomId: roomId,
    overflowed: placement.overflowed,
    createdRoom: placement.createdRoom,
  };
}

async function place(ctx: JoinContext, roomId: string): Promise<Placement> {
  const { trx, actor } = ctx;
  const room = await store.findRoomById(trx, roomId);
  if (!room) throw new AppError('room_not_found', 'No such room.');
  if (await store.findMember(trx, roomId, actor.userId)) return { roomId, overflowed: false, createdRoom: false };
  if (!canJoin(actor, room)) {
    // As GET does: an outsider learns nothing of an invite-only room, not even that it exists.
    throw new AppError('room_not_found', 'No such room.');
  }
  if (await store.takeSeat(trx, roomId)) {
    await enterRoom(trx, roomId, user(ctx, actor.userId), 'member', ctx.online.has(actor.userId), ctx.out);
    return { roomId, overflowed: false, createdRoom: false };
  }
  const group = room.group_id ? await store.lockGroupById(trx, room.group_id) : undefined;
  if (!group) throw new AppError('room_full', 'This room is full.');
  return overflow(ctx, room, group);
}

async function overflow(ctx: JoinContext, requested: RoomRow, group: RoomGroupRow): Promise<Placement> {
  const { trx, actor } = ctx;
  // Read after locking the group, so a concurrent join's new sibling is visible here.
  const siblings = await store.findGroupRooms(trx, group.id);
  const mine = await store.findMemberRoomIds(
    trx,
    actor.userId,
    siblings.map((s) => s.id),
  );
  const already = siblings.find((s) => mine.includes(s.id));
  if (already) return { roomId: already.id, overflowed: true, createdRoom: false };

  for (const s of siblings) {
    if (s.id === requested.id || s.member_count >= s.capacity) continue;
    if (!canJoin(actor, s)) continue;
    if (await store.takeSeat(trx, s.id)) {
      await enterRoom(trx, s.id, user(ctx, actor.userId), 'member', ctx.online.has(actor.userId), ctx.out);
      return { roomId: s.id, overflowed: true, createdRoom: false };
    }
  }
  if (group.auto_create !== 1) {
    throw new AppError('room_full', 'This room and every other room of its group are full.', { groupId: group.id });
  }

  const last = siblings.at(-1);
  const id = newId();
  await store.insertRoom(trx, {
    id,
    group_id: group.id,
    name: `${group.name} ${siblings.length + 1}`,
    topic: requested.topic,
    description: requested.description,
    language: requested.language,
    capacity: group.room_capacity,
    visibility: requested.visibility,
    announcement: '',
    member_count: 0,
    last_seq: 0,
    created_by: group.created_by,
    // Strictly after the previous sibling, so "oldest first" is the numbering order.
    created_at: Math.max(Date.now(), (last?.created_at ?? 0) + 1),
  });
  const owner = ctx.users.get(group.created_by);
  if (owner && owner.id !== actor.userId && (await store.takeSeat(trx, id))) {
    await enterRoom(trx, id, owner, 'owner', ctx.online.has(owner.id), ctx.out);
  }
  if (!(await store.takeSeat(trx, id))) throw new AppError('room_full', 'The group creates rooms too small to join.');
  const role = owner?.id === actor.userId ? 'owner' : 'member';
  await enterRoom(trx, id, user(ctx, actor.userId), role, ctx.online.has(actor.userId), ctx.out);
  return { roomId: id, overflowed: true, createdRoom: true };
}

function user(ctx: JoinContext, id: string): UserRow {
  const row = ctx.users.get(id);
  if (!row) throw new AppError('user_not_found', 'No such user.');
  return row;
}
