import { z } from 'zod';
import { Id, Seq } from './common';
import { Message } from './messages';
import { Member, Room } from './rooms';

/**
 * Room events: each carries the room's gapless `seq`. A client that has applied seq N applies N+1 next;
 * a larger seq means a gap, fixed by `sync`; a smaller or equal one is a duplicate and is ignored.
 */
export const MessageCreated = z.strictObject({
  type: z.literal('message.created'),
  roomId: Id,
  seq: Seq,
  message: Message,
});
export const MessageEdited = z.strictObject({
  type: z.literal('message.edited'),
  roomId: Id,
  seq: Seq,
  message: Message,
});
export const MessageDeleted = z.strictObject({
  type: z.literal('message.deleted'),
  roomId: Id,
  seq: Seq,
  messageId: Id,
  threadRootId: Id.nullable(),
});
export const ReactionAdded = z.strictObject({
  type: z.literal('reaction.added'),
  roomId: Id,
  seq: Seq,
  messageId: Id,
  emoji: z.string(),
  userId: Id,
});
export const ReactionRemoved = ReactionAdded.extend({ type: z.literal('reaction.removed') });
export const MemberJoined = z.strictObject({
  type: z.literal('member.joined'),
  roomId: Id,
  seq: Seq,
  member: Member,
});
export const MemberLeft = z.strictObject({
  type: z.literal('member.left'),
  roomId: Id,
  seq: Seq,
  userId: Id,
  /** True when a moderator removed them. */
  removed: z.boolean(),
});
export const MemberUpdated = z.strictObject({
  type: z.literal('member.updated'),
  roomId: Id,
  seq: Seq,
  member: Member,
});
export const RoomUpdated = z.strictObject({
  type: z.literal('room.updated'),
  roomId: Id,
  seq: Seq,
  room: Room,
});

export const RoomEvent = z.discriminatedUnion('type', [
  MessageCreated,
  MessageEdited,
  MessageDeleted,
  ReactionAdded,
  ReactionRemoved,
  MemberJoined,
  MemberLeft,
  MemberUpdated,
  RoomUpdated,
]);
export type RoomEvent = z.infer<typeof RoomEvent>;
export type RoomEventType = RoomEvent['type'];

/** Ephemeral events: no seq, not stored, not replayed. */
export const Typing = z.strictObject({
  type: z.literal('typing'),
  roomId: Id,
  userId: Id,
  threadRootId: Id.nullable(),
});
export const PresenceChanged = z.strictObject({
  type: z.literal('presence'),
  roomId: Id,
  userId: Id,
  online: z.boolean(),
});
/** Sent to the reader's own sockets when their read position moves (another device caught up). */
export const ReadUpdated = z.strictObject({
  type: z.literal('read.updated'),
  roomId: Id,
  lastReadSeq: Seq,
  unreadCount: z.number().int(),
  mentionCount: z.number().int(),
});
/** Sent to a user's sockets when they join or leave a room, so the client refreshes its room list. */
export const MembershipChanged = z.strictObject({
  type: z.literal('membership.changed'),
  roomId: Id,
  joined: z.boolean(),
});

/** Sent to the sockets of a session when it is revoked (logout, revocation, password change); they then close with 4001. */
export const SessionRevoked = z.strictObject({ type: z.literal('session.revoked'), sessionId: Id });

export const EphemeralEvent = z.discriminatedUnion('type', [
  Typing,
  PresenceChanged,
  ReadUpdated,
  MembershipChanged,
  SessionRevoked,
]);
export type EphemeralEvent = z.infer<typeof EphemeralEvent>;

export const ServerEvent = z.discriminatedUnion('type', [...RoomEvent.options, ...EphemeralEvent.options]);
export type ServerEvent = z.infer<typeof ServerEvent>;
