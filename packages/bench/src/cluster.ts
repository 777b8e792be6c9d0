/**
 * Rounds on PostgreSQL + Redis: a redis-server of the bench's own on a free port, a PostgreSQL schema of its
 * own (dropped afterwards), the seeded accounts and rooms copied into it from the cached SQLite seed, and
 * one or more `rounds serve` nodes sharing both.
 *
 * Seeding: registering 10,000+ accounts through the API costs one argon2 hash each (minutes). Instead
 * `rounds migrate` creates the tables in the schema, and the rows of the seeded SQLite file (users, sessions,
 * room_groups, rooms, room_members, room_events) are copied over with `pg`. The two databases share one
 * migration, so the columns are the same; timestamps are epoch-ms integers and booleans 0/1 in both, and
 * tokens are stored hashed, so the cached tokens sign in on PostgreSQL too.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Ctx } from './context';
import { claimPids } from './noise';
import { atCleanup, cpuSeconds, freePort, repoDir, sleep, spawnNode, spawnTracked, stopChild, tail } from './procs';
import { freshDataDir } from './seed';
import { roundsMain, type ServerProc, startRounds } from './servers';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_PORT = Number(new URL(PG_URL).port || 5432);

/** Tables copied from the SQLite seed, parents first. */
const TABLES = ['users', 'sessions', 'room_groups', 'rooms', 'room_members', 'room_events'] as const;
const BATCH = 2000;

type Redis = { url: string; pid: number; cpuSeconds(): number; stop(): Promise<void> };

/** A redis-server on a free loopback port, without persistence. */
async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const child = spawnTracked(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    'redis',
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited; log:\n${tail(child.logFile)}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error('redis-server did not start within 20 s');
    await sleep(50);
  }
  const pid = child.pid as number;
  return { url: `redis://127.0.0.1:${port}`, pid, cpuSeconds: () => cpuSeconds(pid), stop: () => stopChild(child) };
}

let schemas = 0;

/** A fresh schema name for this process. */
const schemaName = (): string => `rounds_bench_${process.pid}_${Date.now().toString(36)}_${++schemas}`;

async function withPg<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

type PgSchema = { name: string; env: Record<string, string>; seedSeconds: number; drop(): Promise<void> };

/** Creates a schema, migrates it with `rounds migrate` and copies the seeded rows into it. */
async function seededSchema(ctx: Ctx, redisUrl: string): Promise<PgSchema> {
  const name = schemaName();
  const env = { DATABASE_URL: PG_URL, DATABASE_SCHEMA: name, REDIS_URL: redisUrl };
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await withPg((c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`));
  };
  const unregister = atCleanup(drop);
  const t0 = Date.now();
  const migrate = spawnNode(roundsMain, ['migrate'], {
    cwd: repoDir,
    env: { ...env, ROUNDS_DATA_DIR: os.tmpdir(), ROUNDS_LOG_LEVEL: 'warn' },
    logName: 'rounds-migrate',
  });
  const code = await new Promise<number | null>((resolve) => migrate.once('exit', (c) => resolve(c)));
  if (code !== 0) throw new Error(`rounds migrate exited ${code}; log:\n${tail(migrate.logFile)}`);

  const copy = freshDataDir(ctx.seed.dir);
  const sqlite = new SQLite(path.join(copy, 'rounds.sqlite'), { readonly: true });
  try {
    await withPg(async (c) => {
      await c.query(`SET search_path TO ${name}`);
      await c.query('BEGIN');
      for (const table of TABLES) {
        const rows = sqlite.prepare(`SELECT * FROM ${table}`).all();
        for (let i = 0; i < rows.length; i += BATCH) {
          // json_populate_recordset maps by column name and casts each value to its PostgreSQL type.
          await c.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [
            JSON.stringify(rows.slice(i, i + BATCH)),
          ]);
        }
      }
      await c.query('COMMIT');
      for (const table of TABLES) await c.query(`ANALYZE ${table}`);
    });
  } finally {
    sqlite.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
  return {
    name,
    env,
    seedSeconds: (Date.now() - t0) / 1000,
    drop: async () => {
      unregister();
      await drop();
    },
  };
}

export type Cluster = {
  nodes: ServerProc[];
  redis: Redis;
  schema: PgSchema;
  /** CPU seconds used so far by the PostgreSQL backends serving these nodes (those alive now). */
  pgCpu(): Promise<Map<number, number>>;
  /** Samples what these backends are doing until stopped (see sampleStates). */
  sampleStates(backends: readonly number[], everyMs?: number): { stop(): Promise<StateSamples> };
  /** Starts one more node on the same schema and Redis (appended to `nodes`). */
  addNode(): Promise<ServerProc>;
  stop(): Promise<void>;
};

/** Backend-samples per state (`active`, `active: Lock/transactionid`, `idle in transaction`, …), and how many samples. */
export type StateSamples = { samples: number; byState: Map<string, number> };

/**
 * Reads pg_stat_activity for the given backends every `everyMs` over one connection of its own, and counts
 * the states of those not idle: running, waiting (wait_event_type/wait_event: a row lock, WAL fsync…), or
 * idle inside a transaction (waiting for the node's next query).
 */
function sampleStates(backends: readonly number[], everyMs = 50): { stop(): Promise<StateSamples> } {
  const out: StateSamples = { samples: 0, byState: new Map() };
  let running = true;
  const loop = (async () => {
    if (backends.length === 0) return;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      while (running) {
        const t0 = Date.now();
        const res = await client.query<{ state: string | null; wt: string | null; we: string | null }>(
          'SELECT state, wait_event_type AS wt, wait_event AS we FROM pg_stat_activity WHERE pid = ANY($1::int[])',
          [backends],
        );
        out.samples++;
        for (const r of res.rows) {
          if (!r.state || r.state === 'idle') continue;
          const key = r.wt && r.wt !== 'Client' ? `${r.state}: ${r.wt}/${r.we}` : r.state;
          out.byState.set(key, (out.byState.get(key) ?? 0) + 1);
        }
        await sleep(Math.max(0, everyMs - (Date.now() - t0)));
      }
    } finally {
      await client.end();
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return out;
    },
  };
}

/**
 * `n` nodes on one seeded schema and one Redis of their own: the first is started alone and waited for
 * (/readyz), then the others.
 */
export async function startCluster(ctx: Ctx, n: number, label: string): Promise<Cluster> {
  const redis = await startRedis();
  const nodes: ServerProc[] = [];
  let schema: PgSchema | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-bench-pgdata-'));
  const stop = async () => {
    for (const node of nodes) await node.stop();
    await redis.stop();
    await schema?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const addNode = async (): Promise<ServerProc> => {
    if (!schema) throw new Error('cluster: no schema');
    const i = nodes.length;
    const node = await startRounds(dataDir, {
      cpuProfDir: ctx.cpuProfDir,
      name: `${label} node ${i + 1}`,
      env: { ...schema.env, ROUNDS_NODE_ID: `${schema.name}-${i + 1}` },
    });
    nodes.push(node);
    return node;
  };
  try {
    schema = await seededSchema(ctx, redis.url);
    for (let i = 0; i < n; i++) await addNode();
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    nodes,
    redis,
    schema,
    pgCpu: async () => {
      const backends = await pgBackends(nodes.map((s) => s.pid));
      claimPids(backends);
      const out = new Map<number, number>();
      for (const pid of backends) {
        try {
          out.set(pid, cpuSeconds(pid));
        } catch {
          // the backend ended
        }
      }
      return out;
    },
    sampleStates,
    addNode,
    stop,
  };
}

/** CPU seconds between two pgCpu() readings, over the backends alive at both. */
export function pgCpuBetween(a: Map<number, number>, b: Map<number, number>): number {
  let s = 0;
  for (const [pid, t] of b) {
    const t0 = a.get(pid);
    if (t0 !== undefined) s += t - t0;
  }
  return s;
}

/** Local TCP ports of the sockets these processes hold (from /proc/<pid>/fd and /proc/net/tcp{,6}). */
function localPorts(pids: readonly number[]): Set<number> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) inodes.add(m[1]);
      } catch {
        // closed meanwhile
      }
    }
  }
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[1] local address:port (hex), f[2] remote, f[9] inode
      if (f.length < 10 || !inodes.has(f[9] as string)) continue;
      const remotePort = Number.parseInt((f[2] as string).split(':')[1] ?? '', 16);
      if (remotePort === PG_PORT) ports.add(Number.parseInt((f[1] as string).split(':')[1] ?? '', 16));
    }
  }
  return ports;
}

/** PIDs of the PostgreSQL backends whose client is one of these processes. */
async function pgBackends(pids: readonly number[]): Promise<number[]> {
  const ports = localPorts(pids);
  if (ports.size === 0) return [];
  const res = await withPg((c) =>
    c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE client_port = ANY($1::int[])', [[...ports]]),
  );
  return res.rows.map((r) => r.pid);
}
