import { contracts } from '@rounds/protocol';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../context';
import { route } from '../../http/route';
import type { SocketHandlers } from '../../realtime/handlers';
import * as messages from './service';

const c = contracts.messages;

/** Messages over REST, for bots and integrations; the socket handlers below are the same service calls. */
export const messagesRoutes: FastifyPluginAsync<{ deps: Deps }> = async (app, { deps }) => {
  route(app, c.history, async ({ actor, params, query }) => messages.history(deps, actor, params.roomId, query));
  route(app, c.send, async ({ actor, params, body, setStatus }) => {
    const result = await deps.sends.send(actor, params.roomId, body);
    if (result.duplicate) setStatus(200);
    return result;
  });
  route(app, c.get, async ({ actor, params }) => messages.getMessage(deps, actor, params.roomId, params.messageId));
  route(app, c.edit, async ({ actor, params, body }) =>
    messages.editMessage(deps, actor, params.roomId, params.messageId, body.body),
  );
  route(app, c.delete, async ({ actor, params }) => {
    await messages.deleteMessage(deps, actor, params.roomId, params.messageId);
  });
  route(app, c.thread, async ({ actor, params, query }) =>
    messages.thread(deps, actor, params.roomId, params.messageId, query.after, query.limit),
  );
  for (const [contract, on] of [
    [c.addReaction, true],
    [c.removeReaction, false],
  ] as const) {
    route(app, contract, async ({ actor, params }) => {
      await messages.setReaction(deps, actor, params.roomId, params.messageId, params.emoji, on);
    });
  }
  route(app, c.markRead, async ({ actor, params, body }) => messages.markRead(deps, actor, params.roomId, body.seq));
  route(app, c.sync, async ({ actor, params, query }) =>
    messages.syncRoom(deps, actor, params.roomId, query.afterSeq, query.limit),
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
