import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type pino from 'pino';
import { createRounds, type Rounds } from '../app';
import type { Clock } from '../clock';
import { type Config, loadConfig } from '../config';
import type { SendRule } from '../features/messages/pipeline';

export type TestServer = {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  /** The PostgreSQL schema when the server runs on PostgreSQL. */
  pgSchema: string | undefined;
  rounds: Rounds;
  /** Stops the server (sockets are told to reconnect, writes flushed). */
  close(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  open(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
};

export type TestServerOptions = {
  env?: Record<string, string>;
  config?: Partial<Config>;
  webDist?: string;
  dataDir?: string;
  /** Use PostgreSQL in this schema (TEST_DATABASE_URL must be set). Defaults to a fresh schema when TEST_STORE=postgres. */
  pgSchema?: string;
  /** Community rules for the send pipeline. */
  rules?: readonly SendRule[];
  /** The server's clock (jobs, sweeps); default the wall clock. */
  clock?: Clock;
  /** A logger to capture what the server logs (default: silent unless ROUNDS_TEST_LOG). */
  logger?: pino.Logger;
};

let schemas = 0;
/** A schema name no other test run uses, so parallel runs never collide. */
function freshSchema(): string {
  return `t_${process.pid}_${Date.now().toString(36)}_${++schemas}`;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Which store the suite runs on: TEST_STORE=postgres runs it on PostgreSQL (TEST_DATABASE_URL). */
const testStore = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** A real server on an ephemeral port over a fresh SQLite file (or a PostgreSQL schema), for tests. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-test-'));
  const pgSchema = opts.pgSchema ?? (testStore === 'postgres' ? freshSchema() : undefined);
  if (pgSchema && !process.env.TEST_DATABASE_URL) throw new Error('TEST_STORE=postgres needs TEST_DATABASE_URL');
  let port = 0;
  const build = () =>
    loadConfig(
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        ROUNDS_DATA_DIR: dataDir,
        ROUNDS_LOG_LEVEL: process.env.ROUNDS_TEST_LOG ?? 'silent',
        ROUNDS_RATE_AUTH_PER_MIN: '100000',
        ...(pgSchema ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {}),
        ...opts.env,
      },
      { webDist: opts.webDist, ...opts.config },
    );
  // Test servers never poll for jobs: a test runs them with `rounds.jobs.runDue()`.
  const appOpts = { pgSchema, clock: opts.clock, pollJobs: false, rules: opts.rules, logger: opts.logger };
  let rounds = await createRounds(build(), appOpts);
  const url = await rounds.listen();
  port = Number(new URL(url).port);
  let open = true;
  const srv: TestServer = {
    url,
    wsUrl: `${url.replace('http', 'ws')}/api/v1/socket`,
    port,
    dataDir,
    pgSchema,
    rounds,
    async close() {
      if (!open) return;
      open = false;
      await rounds.close();
    },
    async open() {
      if (open) return;
      rounds = await createRounds(build(), appOpts);
      await rounds.listen();
      srv.rounds = rounds;
      open = true;
    },
    async [Symbol.asyncDispose]() {
      await srv.close();
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (pgSchema && !opts.pgSchema) await dropSchema(pgSchema);
    },
  };
  return srv;
}
