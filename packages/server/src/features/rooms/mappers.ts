import type { Member, MemberRole, Room, RoomGroup } from '@rounds/protocol';
import type { RoomGroupRow, RoomRow, UserRow } from '../../db/schema';
import { toPublicUser } from '../accounts/service';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** The one mapper of a room: it alone decides what of a room leaves the server. */
export function toRoom(row: RoomRow): Room {
  return {
    id: row.id,
    groupId: row.group_id,
    name: row.name,
    topic: row.topic,
    description: row.description,
    language: row.language,
    capacity: Number(row.capacity),
    visibility: row.visibility as Room['visibility'],
    announcement: row.announcement,
    memberCount: Number(row.member_count),
    lastSeq: Number(row.last_seq),
    createdAt: iso(row.created_at),
  };
}

/** The one mapper of a room group; `roomIds` are the rooms the caller may see, oldest first. */
export function toGroup(row: RoomGroupRow, roomIds: string[]): RoomGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    autoCreate: row.auto_create === 1,
    roomCapacity: Number(row.room_capacity),
    roomIds,
    createdAt: iso(row.created_at),
  };
}

/** The one mapper of a membership. */
export function toMember(user: UserRow, m: { role: string; joined_at: number }, online: boolean): Member {
  return { user: toPublicUser(user), role: m.role as MemberRole, joinedAt: iso(m.joined_at), online };
}
