import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every environment variable Rounds reads. README.md lists them; keep the two in step. */
const EnvSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ROUNDS_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres|postgresql):\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  ROUNDS_PUBLIC_URL: z.url().optional(),
  ROUNDS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROUNDS_SESSION_DAYS: int(1, 365).default(30),
  ROUNDS_OPEN_ROOM_CREATION: bool.default(false),
  ROUNDS_RATE_MESSAGES_PER_SEC: z.coerce.number().positive().max(1_000_000).default(5),
  ROUNDS_RATE_MESSAGES_BURST: int(1, 1_000_000).default(30),
  ROUNDS_RATE_AUTH_PER_MIN: int(1, 1_000_000).default(20),
  ROUNDS_PRESENCE_PUSH_MAX: int(0, 1_000_000).default(500),
  ROUNDS_HEARTBEAT_MS: int(1000, 600_000).default(30_000),
  ROUNDS_SIGNAL_POLL_MS: int(50, 60_000).default(1000),
  ROUNDS_TRUST_PROXY: bool.default(false),
  ROUNDS_NODE_ID: z.string().max(64).optional(),
  ROUNDS_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(25),
  ROUNDS_S3_BUCKET: z.string().min(3).max(63).optional(),
  ROUNDS_S3_ENDPOINT: z.url().optional(),
  ROUNDS_S3_REGION: z.string().min(1).default('us-east-1'),
  ROUNDS_S3_ACCESS_KEY_ID: z.string().optional(),
  ROUNDS_S3_SECRET_ACCESS_KEY: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL schema (created if missing); default: the connection's search_path. */
  databaseSchema: string | undefined;
  redisUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['ROUNDS_LOG_LEVEL'];
  sessionDays: number;
  openRoomCreation: boolean;
  rate: { messagesPerSec: number; messagesBurst: number; authPerMin: number };
  presencePushMax: number;
  heartbeatMs: number;
  /** How often a node reads events committed by other processes (the CLI); see events/signals.ts. */
  signalPollMs: number;
  trustProxy: boolean;
  nodeId: string;
  uploadMaxBytes: number;
  /** Media in an S3-compatible bucket instead of the data folder, when a bucket is named. */
  s3:
    | {
        bucket: string;
        endpoint: string | undefined;
        region: string;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
      }
    | undefined;
  /** Serve the built web client from this folder when it exists. */
  webDist: string | undefined;
};

/** A bad environment variable: the message names it and says what is wrong. */
export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ROUNDS_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    redisUrl: e.REDIS_URL,
    publicUrl: e.ROUNDS_PUBLIC_URL,
    logLevel: e.ROUNDS_LOG_LEVEL,
    sessionDays: e.ROUNDS_SESSION_DAYS,
    openRoomCreation: e.ROUNDS_OPEN_ROOM_CREATION,
    rate: {
      messagesPerSec: e.ROUNDS_RATE_MESSAGES_PER_SEC,
      messagesBurst: e.ROUNDS_RATE_MESSAGES_BURST,
      authPerMin: e.ROUNDS_RATE_AUTH_PER_MIN,
    },
    presencePushMax: e.ROUNDS_PRESENCE_PUSH_MAX,
    heartbeatMs: e.ROUNDS_HEARTBEAT_MS,
    signalPollMs: e.ROUNDS_SIGNAL_POLL_MS,
    trustProxy: e.ROUNDS_TRUST_PROXY,
    nodeId: e.ROUNDS_NODE_ID ?? `node-${process.pid}`,
    uploadMaxBytes: Math.round(e.ROUNDS_UPLOAD_MAX_MB * 1024 * 1024),
    s3: e.ROUNDS_S3_BUCKET
      ? {
          bucket: e.ROUNDS_S3_BUCKET,
          endpoint: e.ROUNDS_S3_ENDPOINT,
          region: e.ROUNDS_S3_REGION,
          accessKeyId: e.ROUNDS_S3_ACCESS_KEY_ID,
          secretAccessKey: e.ROUNDS_S3_SECRET_ACCESS_KEY,
        }
      : undefined,
    webDist: undefined,
    ...overrides,
  };
}
