import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/database';
import type { DB } from './db/schema';
import type { ImageWorker } from './features/media/images';
import type { MediaStorage } from './features/media/storage';
import type { RateLimiter } from './rate-limit';
import type { Hub } from './realtime/hub';

/** What every service needs; built once in app.ts. */
export type Deps = {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  hub: Hub;
  log: Logger;
  limiter: RateLimiter;
  media: MediaStorage;
  /** Picture re-encoding and PDF previews, in a child process. */
  images: ImageWorker;
  clock: Clock;
};

/** The authenticated caller of a service function. */
export type Actor = {
  userId: string;
  sessionId: string;
  role: 'user' | 'admin';
};
