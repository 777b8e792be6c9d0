import { z } from 'zod';
import { Id, PageQuery } from '../common';
import { defineRoute, noContent } from '../contract';
import { SendResult, SyncResult } from '../frames';
import { EditMessageBody, Emoji, MarkReadBody, Message, MessagePage, ReadState, SendMessageBody } from '../messages';

const tag = 'messages';
const RoomParams = z.object({ roomId: Id });
const MessageParams = z.object({ roomId: Id, messageId: Id });
const ReactionParams = MessageParams.extend({ emoji: Emoji });
const readable = ['room_not_found', 'not_a_member'] as const;

export const ThreadQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const SyncQuery = z.object({
  afterSeq: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

const reaction = (method: 'PUT' | 'DELETE') =>
  defineRoute({
    method,
    path: '/rooms/:roomId/messages/:messageId/reactions/:emoji',
    tag,
    auth: true,
    summary: method === 'PUT' ? 'React to a message' : 'Remove my reaction',
    description:
      method === 'PUT'
        ? 'Adds the caller\'s reaction (idempotent); members see a "reaction.changed" event.'
        : "Removes the caller's reaction (idempotent).",
    params: ReactionParams,
    responses: { 204: noContent },
    errors: [...readable, 'message_not_found', 'message_deleted'],
  });

/** Messages over REST, for bots, integrations and the web client's HTTP fallback. */
export const messagesRoutes = {
  history: defineRoute({
    method: 'GET',
    path: '/rooms/:roomId/messages',
    tag,
    auth: true,
    summary: 'Message history',
    description:
      'A page of top-level messages, by seq: `before` pages back, `after` pages forward, neither gives the newest.',
    params: RoomParams,
    query: PageQuery,
    responses: { 200: MessagePage },
    errors: [...readable],
  }),
  send: defineRoute({
    method: 'POST',
    path: '/rooms/:roomId/messages',
    tag,
    auth: true,
    summary: 'Send a message',
    description:
      'Durable when answered. 201 for a new message; 200 with `duplicate: true` when `clientMsgId` was already used by the caller in this room (a retry).',
    params: RoomParams,
    body: SendMessageBody,
    responses: { 201: SendResult, 200: SendResult },
    errors: [...readable, 'thread_root_invalid', 'too_many_attachments', 'upload_not_found'],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/rooms/:roomId/messages/:messageId',
    tag,
    auth: true,
    summary: 'A message',
    description: 'One message, with its reactions, attachments and reply count.',
    params: MessageParams,
    responses: { 200: Message },
    errors: [...readable, 'message_not_found'],
  }),
  edit: defineRoute({
    method: 'PATCH',
    path: '/rooms/:roomId/messages/:messageId',
    tag,
    auth: true,
    summary: 'Edit a message',
    description: 'Its author replaces the text.',
    params: MessageParams,
    body: EditMessageBody,
    responses: { 200: Message },
    errors: [...readable, 'message_not_found', 'message_deleted', 'not_message_author'],
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/rooms/:roomId/messages/:messageId',
    tag,
    auth: true,
    summary: 'Delete a message',
    description:
      'Its author, or a moderator or owner of the room, deletes it (a tombstone keeps its seq); deleting a deleted message answers 204 again.',
    params: MessageParams,
    responses: { 204: noContent },
    errors: [...readable, 'message_not_found', 'not_message_author'],
  }),
  thread: defineRoute({
    method: 'GET',
    path: '/rooms/:roomId/messages/:messageId/thread',
    tag,
    auth: true,
    summary: 'Thread replies',
    description: 'Replies to a thread root, oldest first, after seq `after`.',
    params: MessageParams,
    query: ThreadQuery,
    responses: { 200: MessagePage },
    errors: [...readable, 'message_not_found'],
  }),
  addReaction: reaction('PUT'),
  removeReaction: reaction('DELETE'),
  markRead: defineRoute({
    method: 'POST',
    path: '/rooms/:roomId/read',
    tag,
    auth: true,
    summary: 'Mark read',
    description: "Moves the caller's read marker forward to `seq` (never back).",
    params: RoomParams,
    body: MarkReadBody,
    responses: { 200: ReadState },
    errors: [...readable],
  }),
  sync: defineRoute({
    method: 'GET',
    path: '/rooms/:roomId/events',
    tag,
    auth: true,
    summary: 'Room events after a seq',
    description: 'What the socket `sync` command returns: the events after `afterSeq`, for catching up over HTTP.',
    params: RoomParams,
    query: SyncQuery,
    responses: { 200: SyncResult },
    errors: [...readable],
  }),
};
