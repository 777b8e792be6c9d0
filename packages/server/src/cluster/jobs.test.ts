import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Node, startCluster, TestRedis } from './cluster';

// Runs in the `cluster` project: two real server processes polling for jobs with the wall clock, so the
// waits below are real time (the runner lease is 30 s, polls every 5 s). jobs/*.test.ts cover the rest.
const schema = `cjobs_${process.pid}_${Date.now().toString(36)}`;
let redis: TestRedis;
let nodes: Node[] = [];
let client: pg.Client;

async function until<T>(read: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function runnerLease(): Promise<{ owner: string; expires_at: number } | undefined> {
  const r = await client.query(`SELECT owner, expires_at FROM "${schema}".leases WHERE name = 'jobs.runner'`);
  return r.rows[0];
}

const nodeOf = (owner: string) => nodes.find((n) => owner.startsWith(`node-${n.port}/`));

describe('jobs on real nodes', () => {
  beforeAll(async () => {
    redis = await TestRedis.start();
    nodes = await startCluster(2, redis.url, schema);
    client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await redis?.down();
    await client?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client?.end();
  });

  it('one node runs jobs; when it is killed mid-job the other takes over and runs that job again', async () => {
    const first = await until(runnerLease, 20_000, 'a runner lease');
    const leader = nodeOf(first.owner);
    expect(leader).toBeDefined();
    const recurring = await until(
      async () => {
        const r = await client.query(`SELECT key FROM "${schema}".jobs WHERE key LIKE 'every:%' ORDER BY key`);
        return r.rows.length === 3 ? r.rows : undefined;
      },
      5000,
      'the recurring jobs',
    );
    expect(recurring.map((r) => r.key)).toEqual([
      'every:accounts.delete-expired-sessions',
      'every:jobs.prune',
      'every:media.sweep-orphans',
    ]);

    // What a node killed mid-run leaves behind: a running row leased by it. Then kill it for real.
    const now = Date.now();
    await client.query(
      `INSERT INTO "${schema}".jobs (id, name, key, payload, run_at, attempts, max_attempts, state, lease_owner,
         lease_until, created_at, updated_at)
       VALUES ('midrun', 'accounts.delete-expired-sessions', 'midrun', 'null', $1, 1, 5, 'running', $2, $3, $1, $1)`,
      [now, first.owner, now + 10_000],
    );
    expect(await leader?.kill('SIGKILL')).toBeNull();

    const next = await until(
      async () => {
        const l = await runnerLease();
        return l && l.owner !== first.owner ? l : undefined;
      },
      60_000,
      'the other node to take the runner lease',
    );
    expect(nodeOf(next.owner)).toBe(nodes.find((n) => n !== leader));
    const job = await until(
      async () => {
        const r = await client.query(`SELECT state, attempts FROM "${schema}".jobs WHERE id = 'midrun'`);
        return r.rows[0]?.state === 'done' ? r.rows[0] : undefined;
      },
      30_000,
      'the job to run again',
    );
    expect(job).toEqual({ state: 'done', attempts: 2 });
  }, 120_000);
});
