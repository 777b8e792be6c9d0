import type { FeatureFactory } from '../module';
import { messageSocketHandlers, messagesRoutes } from './routes';
import { TypingGate } from './service';

/**
 * Sending (through the send pipeline in deps.sends), editing, threads, reactions, read state, typing,
 * history and sync.
 */
export const messages: FeatureFactory = (deps) => ({
  name: 'messages',
  routes: async (api) => api.register(messagesRoutes, { deps }),
  socket: messageSocketHandlers(new TypingGate()),
});
