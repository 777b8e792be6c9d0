import { z } from 'zod';
import { PublicUser } from './accounts';
import { Id, LanguageTag, Seq, Timestamp } from './common';
import { Limits } from './limits';

export const MemberRole = z.enum(['owner', 'moderator', 'expert', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

export const RoomVisibility = z.enum(['public', 'invite_only']);

export const Room = z.object({
  id: Id,
  groupId: Id.nullable(),
  name: z.string(),
  topic: z.string(),
  description: z.string(),
  language: z.string(),
  capacity: z.number().int(),
  visibility: RoomVisibility,
  announcement: z.string(),
  memberCount: z.number().int(),
  lastSeq: Seq,
  createdAt: Timestamp,
});
export type Room = z.infer<typeof Room>;

export const RoomGroup = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  /** When every room is full, create a new sibling room automatically. */
  autoCreate: z.boolean(),
  /** Capacity given to rooms the group creates. */
  roomCapacity: z.number().int(),
  roomIds: z.array(Id),
  createdAt: Timestamp,
});
export type RoomGroup = z.infer<typeof RoomGroup>;

/** A room as its member sees it in their own list. */
export const MyRoom = Room.extend({
  role: MemberRole,
  lastReadSeq: Seq,
  unreadCount: z.number().int(),
  mentionCount: z.number().int(),
});
export type MyRoom = z.infer<typeof MyRoom>;

export const Member = z.object({
  user: PublicUser,
  role: MemberRole,
  joinedAt: Timestamp,
  online: z.boolean(),
});
export type Member = z.infer<typeof Member>;

const roomText = {
  name: z.string().trim().min(1).max(80),
  topic: z.string().trim().max(200),
  description: z.string().trim().max(2000),
  announcement: z.string().trim().max(4000),
};

export const CreateRoomBody = z.object({
  name: roomText.name,
  topic: roomText.topic.default(''),
  description: roomText.description.default(''),
  language: LanguageTag.default('en'),
  /** Seats. Default: the group's `roomCapacity` for a room created in a group, else Limits.defaultRoomCapacity. */
  capacity: z.number().int().min(2).max(Limits.maxRoomCapacity).optional(),
  visibility: RoomVisibility.default('public'),
  groupId: Id.optional(),
  announcement: roomText.announcement.default(''),
});
export type CreateRoomBody = z.infer<typeof CreateRoomBody>;

export const UpdateRoomBody = z
  .object({
    name: roomText.name,
    topic: roomText.topic,
    description: roomText.description,
    announcement: roomText.announcement,
    language: LanguageTag,
    capacity: z.number().int().min(2).max(Limits.maxRoomCapacity),
    visibility: RoomVisibility,
    groupId: Id.nullable(),
  })
  .partial();
export type UpdateRoomBody = z.infer<typeof UpdateRoomBody>;

export const CreateGroupBody = z.object({
  name: roomText.name,
  description: roomText.description.default(''),
  autoCreate: z.boolean().default(true),
  roomCapacity: z.number().int().min(2).max(Limits.maxRoomCapacity).default(Limits.defaultRoomCapacity),
});

export const UpdateGroupBody = z
  .object({
    name: roomText.name,
    description: roomText.description,
    autoCreate: z.boolean(),
    roomCapacity: z.number().int().min(2).max(Limits.maxRoomCapacity),
  })
  .partial();

export const RoomListQuery = z.object({
  q: z.string().max(200).optional(),
  language: z.string().max(35).optional(),
  groupId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const RoomList = z.object({ rooms: z.array(Room) });
export const MyRoomList = z.object({ rooms: z.array(MyRoom) });
export const GroupList = z.object({ groups: z.array(RoomGroup) });
export const MemberList = z.object({ members: z.array(Member), total: z.number().int() });
export const MemberListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
  q: z.string().max(80).optional(),
});

/** Result of a join: the room the user is now in, which may be a sibling of the one asked for. */
export const JoinResult = z.object({
  room: Room,
  requestedRoomId: Id,
  /** True when the requested room was full and the user was placed in a sibling. */
  overflowed: z.boolean(),
  /** True when no sibling had space and a new room was created for the group. */
  createdRoom: z.boolean(),
});
export type JoinResult = z.infer<typeof JoinResult>;

export const UpdateMemberBody = z.object({ role: MemberRole });
export const AddMemberBody = z.object({ userId: Id, role: MemberRole.default('member') });
