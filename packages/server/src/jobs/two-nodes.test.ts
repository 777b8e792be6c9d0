import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type ManualClock, manualClock } from '../clock';
import { startTestServer, type TestServer } from '../test/server';
import type { JobDefinition } from './definition';
import { enqueue } from './enqueue';
import { JobRunner } from './runner';
import { claimJob, findJobById } from './store';

// Two servers on one PostgreSQL schema in this process, each with its own pool, runner and clock: a
// cluster of two as far as the database can tell. SQLite has one node by design, so this runs on PostgreSQL.
const onPostgres = process.env.TEST_STORE === 'postgres';
const schema = `jobs2_${process.pid}_${Date.now().toString(36)}`;

afterAll(async () => {
  if (!onPostgres) return;
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

type Node = { srv: TestServer; clock: ManualClock; runner(defs: JobDefinition[]): JobRunner & AsyncDisposable };

async function startNodes(): Promise<[Node, Node] & AsyncDisposable> {
  const start = Date.now();
  const nodes: Node[] = [];
  for (let i = 0; i < 2; i++) {
    const clock = manualClock(start);
    // One after the other: the first migrates the schema.
    const srv = await startTestServer({ pgSchema: schema, clock });
    nodes.push({
      srv,
      clock,
      runner: (defs) => {
        const r = new JobRunner(srv.rounds.deps, defs, { pollMs: 0 });
        return Object.assign(r, { [Symbol.asyncDispose]: () => r.stop() });
      },
    });
  }
  return Object.assign(nodes as [Node, Node], {
    [Symbol.asyncDispose]: async () => {
      for (const n of nodes) await n.srv[Symbol.asyncDispose]();
    },
  });
}

function advance(nodes: Node[], ms: number): void {
  for (const n of nodes) n.clock.advance(ms);
}

describe.skipIf(!onPostgres)('jobs on a cluster of two nodes', () => {
  it('runs each job once, on the node holding the runner lease', async () => {
    await using nodes = await startNodes();
    const [a, b] = nodes;
    const runs = new Map<string, string[]>();
    const counting = (node: string): JobDefinition<{ n: number }> => ({
      name: 'test.count',
      async run(_deps, _payload, ctx) {
        runs.set(ctx.jobId, [...(runs.get(ctx.jobId) ?? []), node]);
      },
    });
    await using ra = a.runner([counting('a')]);
    await using rb = b.runner([counting('b')]);
    const ids: string[] = [];
    for (let n = 0; n < 10; n++) {
      const via = n % 2 ? a : b;
      ids.push((await enqueue(via.srv.rounds.deps.db, via.clock, 'test.count', { n })).id);
    }
    const ran = await Promise.all([ra.runDue(), rb.runDue(), ra.runDue(), rb.runDue()]);
    expect(ran.reduce((x, y) => x + y, 0)).toBe(10);
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    const where = [...runs.values()];
    expect(where.every((w) => w.length === 1)).toBe(true);
    expect(new Set(where.flat()).size).toBe(1);
    // The app's own runners (once the test's have stopped): only the active node runs the sweeps.
    await ra.stop();
    await rb.stop();
    expect(await Promise.all([a.srv.rounds.jobs.runDue(), b.srv.rounds.jobs.runDue()])).toEqual([0, 0]);
    advance(nodes, 5 * 60_000);
    const appRan = await Promise.all([a.srv.rounds.jobs.runDue(), b.srv.rounds.jobs.runDue()]);
    expect(appRan.sort()).toEqual([0, 2]);
  });

  it('lets only one of two racing claims take a job', async () => {
    await using nodes = await startNodes();
    const [a, b] = nodes;
    const { id } = await enqueue(a.srv.rounds.deps.db, a.clock, 'test.race', null);
    const claim = (n: Node, owner: string) =>
      claimJob(n.srv.rounds.deps.db, {
        id,
        seenAttempts: 0,
        owner,
        now: n.clock.now(),
        leaseUntil: n.clock.now() + 60_000,
        maxAttempts: 5,
      });
    const won = (await Promise.all([claim(a, 'a'), claim(b, 'b')])).filter(Boolean);
    expect(won).toHaveLength(1);
    expect(await findJobById(a.srv.rounds.deps.db, id)).toMatchObject({ state: 'running', attempts: 1 });
  });

  it('runs a job again on the other node after the node running it stops mid-job and its lease expires', async () => {
    await using nodes = await startNodes();
    const [a, b] = nodes;
    let release = () => {};
    let started = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const ranOn: string[] = [];
    const job = (node: string): JobDefinition => ({
      name: 'test.long',
      leaseMs: 120_000,
      async run() {
        ranOn.push(node);
        if (node === 'a') {
          started();
          // Node a "dies" here: it never renews a lease or writes again until the test lets it go.
          await new Promise<void>((resolve) => (release = resolve));
        }
      },
    });
    await using ra = a.runner([job('a')]);
    await using rb = b.runner([job('b')]);
    const { id } = await enqueue(a.srv.rounds.deps.db, a.clock, 'test.long', null);
    const aPoll = ra.runDue();
    await running;
    expect(await rb.runDue()).toBe(0);
    // Past the runner lease (30 s), b becomes the active runner, but the job's own lease still holds.
    advance(nodes, 60_000);
    expect(await rb.runDue()).toBe(0);
    expect(await findJobById(b.srv.rounds.deps.db, id)).toMatchObject({ state: 'running', attempts: 1 });
    advance(nodes, 61_000);
    expect(await rb.runDue()).toBe(1);
    expect(ranOn).toEqual(['a', 'b']);
    expect(await findJobById(b.srv.rounds.deps.db, id)).toMatchObject({ state: 'done', attempts: 2 });
    release();
    await aPoll;
    expect(await findJobById(b.srv.rounds.deps.db, id)).toMatchObject({ state: 'done', attempts: 2 });
  });
});
