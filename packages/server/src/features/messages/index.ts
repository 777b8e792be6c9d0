import type { FeatureFactory } from '../module';
import { WriteBatcher } from './batcher';
import { SendPipeline, type SendRule } from './pipeline';
import { messageSocketHandlers, messagesRoutes } from './routes';
import { TypingGate } from './service';

/**
 * Sending (through the send pipeline and the write batcher), editing, threads, reactions, read state,
 * typing, history and sync. `rules` are the community rules every send passes (moderation adds them).
 */
export function messagesFeature(rules: readonly SendRule[] = []): FeatureFactory {
  return (deps) => {
    const batcher = new WriteBatcher(deps);
    const pipeline = new SendPipeline(deps, batcher, rules);
    return {
      name: 'messages',
      routes: async (api) => api.register(messagesRoutes, { deps, pipeline }),
      socket: messageSocketHandlers(pipeline, new TypingGate()),
      close: () => batcher.flush(),
    };
  };
}
