import { z } from 'zod';
import { Id, Seq, Timestamp } from './common';
import { Limits } from './limits';
import { Attachment, AttachmentRef } from './media';

export const Reaction = z.object({
  emoji: z.string(),
  count: z.number().int(),
  userIds: z.array(Id),
});
export type Reaction = z.infer<typeof Reaction>;

export const Message = z.object({
  id: Id,
  roomId: Id,
  seq: Seq,
  senderId: Id,
  clientMsgId: z.string(),
  /** Markdown, stored raw; clients render it through a sanitizer. Empty once deleted. */
  body: z.string(),
  /** The thread this message replies in (the root message's id), or null. */
  threadRootId: Id.nullable(),
  /** Number of live replies, on a thread root. */
  replyCount: z.number().int(),
  mentions: z.array(Id),
  reactions: z.array(Reaction),
  attachments: z.array(Attachment),
  /** Kinds of patient identifier the server's check found in the text or captions, for moderators to review. */
  privacyFlags: z.array(z.string()),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  deletedAt: Timestamp.nullable(),
});
export type Message = z.infer<typeof Message>;

/** Message text; may be empty only when the message carries attachments. */
export const MessageBody = z.string().max(Limits.maxMessageChars);
export const ClientMsgId = z.string().min(1).max(Limits.maxClientMsgIdChars);
/** One emoji or a short `:shortcode:`; at most 32 characters. */
export const Emoji = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[^\s<>]+$/, 'no spaces or angle brackets');

export const SendMessageBody = z.object({
  clientMsgId: ClientMsgId,
  body: MessageBody,
  threadRootId: Id.optional(),
  attachments: z.array(AttachmentRef).max(100).optional(),
  /** Send even though a rule warned about this text (the refusal `message_needs_confirmation` listed why). */
  confirmWarnings: z.boolean().optional(),
});
export type SendMessageBody = z.infer<typeof SendMessageBody>;

/** Why a community rule warned about, held or blocked a send. */
export const RuleFinding = z.object({
  /** The rule's id, e.g. `politics` (stable: clients may show their own wording). */
  rule: z.string(),
  /** The rule's explanation, in the deployment's words. */
  reason: z.string(),
});
export type RuleFinding = z.infer<typeof RuleFinding>;

/**
 * A send that a rule held for review: nobody else sees it and it has no seq until a moderator releases it,
 * when it is sent as a message (the same clientMsgId) with the room's next seq.
 */
export const HeldMessage = z.object({
  id: Id,
  roomId: Id,
  clientMsgId: z.string(),
  body: z.string(),
  threadRootId: Id.nullable(),
  finding: RuleFinding,
  createdAt: Timestamp,
});
export type HeldMessage = z.infer<typeof HeldMessage>;

export const EditMessageBody = z.object({ body: MessageBody.min(1) });
export const MarkReadBody = z.object({ seq: Seq });

export const MessagePage = z.object({
  messages: z.array(Message),
  /** True when more messages exist in the direction asked. */
  hasMore: z.boolean(),
  /** The room's latest seq when the page was read: newer changes arrive as events. */
  lastSeq: Seq,
});
export type MessagePage = z.infer<typeof MessagePage>;

export const ReadState = z.object({
  roomId: Id,
  lastReadSeq: Seq,
  unreadCount: z.number().int(),
  mentionCount: z.number().int(),
});
export type ReadState = z.infer<typeof ReadState>;
