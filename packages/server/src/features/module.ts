import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import type { Subscriber } from '../events/bus';
import type { JobDefinition } from '../jobs/definition';
import type { SocketHandlers } from '../realtime/handlers';

/**
 * What a feature adds to a server. app.ts builds the list once (features/index.ts) and registers each part:
 * HTTP routes under /api/v1, socket command handlers (the gateway merges them and refuses to start when a
 * command has no handler or two), subscribers on the event bus, and `close` for what the feature must finish
 * before the database closes, and its durable jobs (the runner runs each once per cluster).
 */
type FeatureModule = {
  name: string;
  routes?(api: FastifyInstance): Promise<void>;
  socket?: Partial<SocketHandlers>;
  subscribers?: Subscriber[];
  /** Durable jobs (sweeps, digests, reminders), run once per cluster by the job runner. */
  jobs?: JobDefinition[];
  close?(): Promise<void>;
};

/** A feature's module, built from the server's dependencies. */
export type FeatureFactory = (deps: Deps) => FeatureModule;
