import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import type { Subscriber } from '../events/bus';
import type { SocketHandlers } from '../realtime/gateway';

/**
 * What a feature adds to a server. app.ts builds the list once (features/index.ts) and registers each part:
 * HTTP routes under /api/v1, socket command handlers (the gateway merges them and refuses to start when a
 * command has no handler or two), subscribers on the event bus, and `close` for what the feature must finish
 * before the database closes. Durable jobs join this list with the jobs runner.
 */
export type FeatureModule = {
  name: string;
  routes?(api: FastifyInstance): Promise<void>;
  socket?: Partial<SocketHandlers>;
  subscribers?: Subscriber[];
  close?(): Promise<void>;
};

/** A feature's module, built from the server's dependencies. */
export type FeatureFactory = (deps: Deps) => FeatureModule;
