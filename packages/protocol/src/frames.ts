import { z } from 'zod';
import { SelfUser } from './accounts';
import { Id, Seq } from './common';
import { ErrorBody } from './errors';
import { RoomEvent, ServerEvent } from './events';
import { Limits } from './limits';
import { AttachmentRef } from './media';
import { ClientMsgId, Emoji, HeldMessage, Message, MessageBody, ReadState, RuleFinding } from './messages';

/** A client-chosen string echoed in the `ack` or `error` that answers a command. */
export const Ref = z.union([z.string().min(1).max(64), z.number().int()]);

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ref: Ref, ...shape });

export const HelloCommand = command('hello', {
  version: z.number().int(),
  /** Bearer token, when the upgrade request carried no session cookie or Authorization header. */
  token: z.string().max(200).optional(),
});
export const PingCommand = command('ping', {});
export const SyncCommand = command('sync', {
  roomId: Id,
  afterSeq: Seq,
  limit: z.number().int().min(1).max(Limits.maxPageSize).optional(),
});
export const SendCommand = command('message.send', {
  roomId: Id,
  clientMsgId: ClientMsgId,
  body: MessageBody,
  threadRootId: Id.optional(),
  attachments: z.array(AttachmentRef).max(100).optional(),
  confirmWarnings: z.boolean().optional(),
});
export const EditCommand = command('message.edit', { roomId: Id, messageId: Id, body: MessageBody.min(1) });
export const DeleteCommand = command('message.delete', { roomId: Id, messageId: Id });
export const ReactCommand = command('reaction.add', { roomId: Id, messageId: Id, emoji: Emoji });
export const UnreactCommand = command('reaction.remove', { roomId: Id, messageId: Id, emoji: Emoji });
export const ReadCommand = command('read.mark', { roomId: Id, seq: Seq });
export const TypingCommand = command('typing', { roomId: Id, threadRootId: Id.optional() });

export const ClientCommand = z.discriminatedUnion('type', [
  HelloCommand,
  PingCommand,
  SyncCommand,
  SendCommand,
  EditCommand,
  DeleteCommand,
  ReactCommand,
  UnreactCommand,
  ReadCommand,
  TypingCommand,
]);
export type ClientCommand = z.infer<typeof ClientCommand>;
export type ClientCommandType = ClientCommand['type'];
export const clientCommandTypes = ClientCommand.options.map((o) => o.shape.type.value);

/** What each command's `ack.data` holds. */
export const HelloResult = z.object({
  user: SelfUser,
  sessionId: Id,
  serverVersion: z.number().int(),
  /** Rooms this socket receives events for. */
  roomIds: z.array(Id),
  /** Interval, in ms, at which the client should `ping` if it sees no traffic. */
  heartbeatMs: z.number().int(),
  /** This server's limits a client should check before sending (the server checks again). */
  limits: z.object({
    /** Largest upload accepted, in bytes (ROUNDS_UPLOAD_MAX_MB). */
    uploadMaxBytes: z.number().int().positive(),
    /** Attachments per message. */
    maxAttachments: z.number().int().positive(),
    /** Longest message body, in characters. */
    maxMessageChars: z.number().int().positive(),
  }),
});
export type HelloResult = z.infer<typeof HelloResult>;
export const SyncResult = z.object({
  roomId: Id,
  events: z.array(RoomEvent),
  /** The room's latest seq when the sync was read. */
  lastSeq: Seq,
  /** True when more events follow the last one returned: sync again from its seq. */
  hasMore: z.boolean(),
});
export type SyncResult = z.infer<typeof SyncResult>;
/**
 * The answer to a send: the stored message, or the held send when a rule held it for review (`held`, no
 * seq yet). `duplicate` is true for a retry of a clientMsgId already answered. `warnings` lists the rules
 * that warned and that the sender confirmed.
 */
export const SentResult = z.object({
  message: Message,
  duplicate: z.boolean(),
  warnings: z.array(RuleFinding).optional(),
});
export const HeldResult = z.object({
  held: HeldMessage,
  duplicate: z.boolean(),
  warnings: z.array(RuleFinding).optional(),
});
export const SendResult = z.union([SentResult, HeldResult]);
export type SendResult = z.infer<typeof SendResult>;
export const MessageResult = z.object({ message: Message });
export type MessageResult = z.infer<typeof MessageResult>;
export const AckData = {
  hello: HelloResult,
  ping: z.object({ now: z.string() }),
  sync: SyncResult,
  'message.send': SendResult,
  'message.edit': MessageResult,
  'message.delete': z.object({ messageId: Id, seq: Seq }),
  'reaction.add': z.object({ seq: Seq.nullable() }),
  'reaction.remove': z.object({ seq: Seq.nullable() }),
  'read.mark': ReadState,
  typing: z.object({}),
} satisfies Record<ClientCommandType, z.ZodType>;
export type AckDataFor<T extends ClientCommandType> = z.infer<(typeof AckData)[T]>;

export const AckFrame = z.strictObject({ type: z.literal('ack'), ref: Ref, data: z.unknown() });
export const ErrorFrame = z.strictObject({
  type: z.literal('error'),
  /** Absent when the frame could not be parsed far enough to read its ref. */
  ref: Ref.optional(),
  error: ErrorBody,
});
/** The server is going away (draining or shutting down): reconnect, possibly to another node. */
export const ReconnectFrame = z.strictObject({
  type: z.literal('reconnect'),
  reason: z.string(),
  retryAfterMs: z.number().int(),
});
/** Live events may have been missed (e.g. the cluster's message bus restarted): sync every room. */
export const ResyncFrame = z.strictObject({ type: z.literal('resync'), roomIds: z.array(Id).nullable() });

export const ServerFrame = z.union([AckFrame, ErrorFrame, ReconnectFrame, ResyncFrame, ServerEvent]);
export type ServerFrame = z.infer<typeof ServerFrame>;
