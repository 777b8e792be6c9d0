import {
  EditMessageBody,
  Emoji,
  Id,
  MarkReadBody,
  Message,
  MessagePage,
  PageQuery,
  ReadState,
  SendMessageBody,
  SendResult,
  SyncResult,
} from '@rounds/protocol';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../context';
import { requireActor } from '../../http/auth';
import type { SocketHandlers } from '../../realtime/handlers';
import * as messages from './service';

const tags = ['messages'];
const RoomParams = z.object({ roomId: Id });
const MessageParams = z.object({ roomId: Id, messageId: Id });
const ReactionParams = MessageParams.extend({ emoji: Emoji });

/** Messages over REST, for bots and integrations; the socket handlers below are the same service calls. */
export const messagesRoutes: FastifyPluginAsync<{ deps: Deps }> = async (base, { deps }) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/rooms/:roomId/messages',
    { schema: { tags, params: RoomParams, querystring: PageQuery, response: { 200: MessagePage } } },
    async (req) => messages.history(deps, requireActor(req), req.params.roomId, req.query),
  );

  app.post(
    '/rooms/:roomId/messages',
    { schema: { tags, params: RoomParams, body: SendMessageBody, response: { 200: SendResult, 201: SendResult } } },
    async (req, reply) => {
      const result = await deps.sends.send(requireActor(req), req.params.roomId, req.body);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );

  app.get(
    '/rooms/:roomId/messages/:messageId',
    { schema: { tags, params: MessageParams, response: { 200: Message } } },
    async (req) => messages.getMessage(deps, requireActor(req), req.params.roomId, req.params.messageId),
  );

  app.patch(
    '/rooms/:roomId/messages/:messageId',
    { schema: { tags, params: MessageParams, body: EditMessageBody, response: { 200: Message } } },
    async (req) =>
      messages.editMessage(deps, requireActor(req), req.params.roomId, req.params.messageId, req.body.body),
  );

  app.delete('/rooms/:roomId/messages/:messageId', { schema: { tags, params: MessageParams } }, async (req, reply) => {
    await messages.deleteMessage(deps, requireActor(req), req.params.roomId, req.params.messageId);
    return reply.status(204).send();
  });

  app.get(
    '/rooms/:roomId/messages/:messageId/thread',
    {
      schema: {
        tags,
        params: MessageParams,
        querystring: z.object({
          after: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: MessagePage },
      },
    },
    async (req) =>
      messages.thread(
        deps,
        requireActor(req),
        req.params.roomId,
        req.params.messageId,
        req.query.after,
        req.query.limit,
      ),
  );

  for (const [method, on] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/rooms/:roomId/messages/:messageId/reactions/:emoji',
      schema: { tags, params: ReactionParams },
      handler: async (req, reply) => {
        const { roomId, messageId, emoji } = req.params as z.infer<typeof ReactionParams>;
        await messages.setReaction(deps, requireActor(req), roomId, messageId, emoji, on);
        return reply.status(204).send();
      },
    });
  }

  app.post(
    '/rooms/:roomId/read',
    { schema: { tags, params: RoomParams, body: MarkReadBody, response: { 200: ReadState } } },
    async (req) => messages.markRead(deps, requireActor(req), req.params.roomId, req.body.seq),
  );

  app.get(
    '/rooms/:roomId/events',
    {
      schema: {
        tags,
        params: RoomParams,
        querystring: z.object({
          afterSeq: z.coerce.number().int().min(0),
          limit: z.coerce.number().int().min(1).max(1000).default(500),
        }),
        response: { 200: SyncResult },
      },
    },
    async (req) => messages.syncRoom(deps, requireActor(req), req.params.roomId, req.query.afterSeq, req.query.limit),
  );
};

/** The socket commands other than hello and ping. */
export function messageSocketHandlers(gate: messages.TypingGate): SocketHandlers {
  return {
    sync: ({ deps, actor }, c) => messages.syncRoom(deps, actor, c.roomId, c.afterSeq, c.limit),
    'message.send': ({ deps, actor }, c) =>
      deps.sends.send(actor, c.roomId, {
        clientMsgId: c.clientMsgId,
        body: c.body,
        ...(c.threadRootId ? { threadRootId: c.threadRootId } : {}),
        ...(c.attachments ? { attachments: c.attachments } : {}),
        ...(c.confirmWarnings ? { confirmWarnings: true } : {}),
      }),
    'message.edit': async ({ deps, actor }, c) => ({
      message: await messages.editMessage(deps, actor, c.roomId, c.messageId, c.body),
    }),
    'message.delete': ({ deps, actor }, c) => messages.deleteMessage(deps, actor, c.roomId, c.messageId),
    'reaction.add': ({ deps, actor }, c) => messages.setReaction(deps, actor, c.roomId, c.messageId, c.emoji, true),
    'reaction.remove': ({ deps, actor }, c) => messages.setReaction(deps, actor, c.roomId, c.messageId, c.emoji, false),
    'read.mark': ({ deps, actor }, c) => messages.markRead(deps, actor, c.roomId, c.seq),
    typing: async ({ deps, actor, conn }, c) => {
      gate.typing(deps, actor, c.roomId, conn.rooms.has(c.roomId), c.threadRootId ?? null);
      return {};
    },
  };
}
