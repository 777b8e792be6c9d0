import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/database';
import type { DB } from './db/schema';
import type { EventBus } from './events/bus';
import type { ImageWorker } from './features/media/images';
import type { MediaStorage } from './features/media/storage';
import type { SendPipeline } from './features/messages/pipeline';
import type { RateLimiter } from './rate-limit';

/** What every service needs; built once in app.ts. */
export type Deps = {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  /** The one door for events: services record events in a unit of work (events/unit.ts); never a socket. */
  bus: EventBus;
  /** Who is online on any node. */
  presence: Presence;
  log: Logger;
  limiter: RateLimiter;
  media: MediaStorage;
  /** Picture re-encoding and PDF previews, in a child process. */
  images: ImageWorker;
  /** The send pipeline (checks, rules, enrichers, group commit); messages/index.ts builds it. */
  sends: SendPipeline;
  /** The server's clock: jobs, sweeps and expiry read it (tests move a manual one). */
  clock: Clock;
};

/** What the send pipeline itself needs: everything but the pipeline. */
export type CoreDeps = Omit<Deps, 'sends'>;

/** Which of these users have a socket on any node (realtime/hub.ts answers it). */
export type Presence = { online(userIds: readonly string[]): Promise<Set<string>> };

/** The authenticated caller of a service function. */
export type Actor = {
  userId: string;
  sessionId: string;
  role: 'user' | 'admin';
};
