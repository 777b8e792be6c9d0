import { describe, expect, it, vi } from 'vitest';
import { manualClock } from '../clock';
import { api, registerUser } from '../test/client';
import { startTestServer, type TestServer } from '../test/server';
import type { JobDefinition } from './definition';
import { enqueue } from './enqueue';
import { pruneJob } from './prune';
import { JobRunner } from './runner';
import { findJobById, findJobByKey, findLease } from './store';

/** A runner over the test server's database and clock that polls only when the test says so. */
function runner(srv: TestServer, defs: JobDefinition[]): JobRunner & AsyncDisposable {
  const r = new JobRunner(srv.rounds.deps, defs, { pollMs: 0 });
  return Object.assign(r, { [Symbol.asyncDispose]: () => r.stop() });
}

/** A job that records each run's payload and attempt, and fails while `failing` is true. */
function recorder(name: string, extra: Partial<JobDefinition> = {}) {
  const runs: { payload: unknown; attempt: number }[] = [];
  const state = { failing: false };
  const def: JobDefinition = {
    name,
    async run(_deps, payload, ctx) {
      runs.push({ payload, attempt: ctx.attempt });
      if (state.failing) throw new Error(`boom ${ctx.attempt}`);
    },
    ...extra,
  };
  return { def, runs, state };
}

async function metricValue(srv: TestServer, name: string, outcome: string): Promise<number> {
  const text = await (await fetch(`${srv.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`rounds_jobs_total{name="${name}",outcome="${outcome}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('durable jobs', () => {
  it('runs an enqueued job once it is due, with its payload, then marks it done', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const { def, runs } = recorder('test.echo');
    await using r = runner(srv, [def]);
    const { id } = await enqueue(srv.rounds.deps.db, clock, 'test.echo', { n: 1 }, { runAt: clock.now() + 1000 });
    expect(await r.runDue()).toBe(0);
    clock.advance(1000);
    expect(await r.runDue()).toBe(1);
    expect(runs).toEqual([{ payload: { n: 1 }, attempt: 1 }]);
    const row = await findJobById(srv.rounds.deps.db, id);
    expect(row).toMatchObject({ state: 'done', attempts: 1, lease_owner: null, last_error: null });
    expect(await r.runDue()).toBe(0);
    expect(await metricValue(srv, 'test.echo', 'done')).toBe(1);
  });

  it('makes one job of two enqueues with the same key', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const { def, runs } = recorder('test.keyed');
    await using r = runner(srv, [def]);
    const first = await enqueue(srv.rounds.deps.db, clock, 'test.keyed', { v: 1 }, { key: 'digest:u1:2026-12-03' });
    const second = await enqueue(srv.rounds.deps.db, clock, 'test.keyed', { v: 2 }, { key: 'digest:u1:2026-12-03' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(await r.runDue()).toBe(1);
    expect(runs).toEqual([{ payload: { v: 1 }, attempt: 1 }]);
  });

  it('enqueues with the transaction it is given: a rollback leaves no job', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const db = srv.rounds.deps.db;
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueue(trx, clock, 'test.tx', {}, { key: 'rolled-back' });
        throw new Error('the causing write failed');
      }),
    ).rejects.toThrow('the causing write failed');
    expect(await findJobByKey(db, 'rolled-back')).toBeUndefined();
    await db.transaction().execute((trx) => enqueue(trx, clock, 'test.tx', {}, { key: 'committed' }));
    expect(await findJobByKey(db, 'committed')).toMatchObject({ state: 'pending' });
  });

  it('retries a failing job after its backoff, then stops in state failed with the last error', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const { def, runs, state } = recorder('test.flaky', { maxAttempts: 3, backoff: (a) => 1000 * 2 ** a });
    state.failing = true;
    await using r = runner(srv, [def]);
    const { id } = await enqueue(srv.rounds.deps.db, clock, 'test.flaky', null);
    expect(await r.runDue()).toBe(1);
    expect(await findJobById(srv.rounds.deps.db, id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      run_at: clock.now() + 2000,
      last_error: 'boom 1',
    });
    clock.advance(1999);
    expect(await r.runDue()).toBe(0);
    clock.advance(1);
    expect(await r.runDue()).toBe(1);
    clock.advance(4000);
    expect(await r.runDue()).toBe(1);
    expect(runs.map((x) => x.attempt)).toEqual([1, 2, 3]);
    expect(await findJobById(srv.rounds.deps.db, id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      last_error: 'boom 3',
    });
    clock.advance(60_000);
    expect(await r.runDue()).toBe(0);
    expect(await metricValue(srv, 'test.flaky', 'retry')).toBe(2);
    expect(await metricValue(srv, 'test.flaky', 'failed')).toBe(1);
  });

  it('runs a job again when the runner that took it stops answering, once its lease expires', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    let release = () => {};
    let started = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const attempts: number[] = [];
    const def: JobDefinition = {
      name: 'test.hang',
      leaseMs: 60_000,
      async run(_deps, _payload, ctx) {
        attempts.push(ctx.attempt);
        if (ctx.attempt === 1) {
          started();
          await new Promise<void>((resolve) => (release = resolve));
        }
      },
    };
    await using stuck = runner(srv, [def]);
    await using other = runner(srv, [def]);
    const { id } = await enqueue(srv.rounds.deps.db, clock, 'test.hang', null);
    const stuckPoll = stuck.runDue();
    await running;
    expect(await other.runDue()).toBe(0);
    clock.advance(59_000);
    expect(await other.runDue()).toBe(0);
    clock.advance(2000);
    expect(await other.runDue()).toBe(1);
    expect(await findJobById(srv.rounds.deps.db, id)).toMatchObject({ state: 'done', attempts: 2 });
    release();
    expect(await stuckPoll).toBe(1);
    // The late finish of the first run does not overwrite the second's.
    expect(await findJobById(srv.rounds.deps.db, id)).toMatchObject({ state: 'done', attempts: 2, lease_owner: null });
    expect(attempts).toEqual([1, 2]);
    expect(await metricValue(srv, 'test.hang', 'lost')).toBe(1);
  });

  it('keeps its runner lease during a long job, and lets it go once the job overruns its own lease', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const db = srv.rounds.deps.db;
    let release = () => {};
    let started = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const attempts: number[] = [];
    const def: JobDefinition = {
      name: 'test.long',
      leaseMs: 120_000,
      async run(_deps, _payload, ctx) {
        attempts.push(ctx.attempt);
        if (ctx.attempt === 1) {
          started();
          await new Promise<void>((resolve) => (release = resolve));
        }
      },
    };
    // Only this runner's poll timer is fake: the test fires it, and waits on the database, not on time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const busy = new JobRunner(srv.rounds.deps, [def], { pollMs: 1000 });
      await using other = runner(srv, [def]);
      await enqueue(db, clock, 'test.long', null);
      const t0 = clock.now();
      busy.start();
      vi.advanceTimersByTime(1000);
      await running;
      clock.advance(20_000);
      vi.advanceTimersByTime(1000);
      while ((await findLease(db, 'jobs.runner'))?.expires_at !== t0 + 50_000) await new Promise(setImmediate);
      clock.advance(15_000);
      expect(await other.runDue()).toBe(0);
      clock.advance(86_000);
      vi.advanceTimersByTime(1000);
      expect(await other.runDue()).toBe(1);
      expect(attempts).toEqual([1, 2]);
      release();
      await busy.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps one row per recurring job and schedules the next run after each one', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const { def, runs, state } = recorder('test.tick', { every: 10_000, maxAttempts: 2, backoff: () => 1000 });
    await using first = runner(srv, [def]);
    expect(await first.runDue()).toBe(0);
    const db = srv.rounds.deps.db;
    const row = await findJobByKey(db, 'every:test.tick');
    expect(row).toMatchObject({ state: 'pending', run_at: clock.now() + 10_000 });
    clock.advance(10_000);
    expect(await first.runDue()).toBe(1);
    expect(await findJobByKey(db, 'every:test.tick')).toMatchObject({
      id: row?.id,
      state: 'pending',
      attempts: 0,
      run_at: clock.now() + 10_000,
    });
    // Another runner taking over finds the row there and adds none.
    await first.stop();
    await using second = runner(srv, [def]);
    expect(await second.runDue()).toBe(0);
    clock.advance(10_000);
    expect(await second.runDue()).toBe(1);
    expect(runs).toHaveLength(2);
    expect(await findJobByKey(db, 'every:test.tick')).toMatchObject({ id: row?.id });
    // Enqueued by name besides its schedule ("sweep now"), it runs once and is done.
    const once = await enqueue(db, clock, 'test.tick', null);
    expect(await second.runDue()).toBe(1);
    expect(await findJobById(db, once.id)).toMatchObject({ state: 'done' });
    // A recurring job that uses up its attempts keeps its error and waits for its next period.
    state.failing = true;
    clock.advance(10_000);
    expect(await second.runDue()).toBe(1);
    clock.advance(1000);
    expect(await second.runDue()).toBe(1);
    expect(await findJobByKey(db, 'every:test.tick')).toMatchObject({
      state: 'pending',
      attempts: 0,
      run_at: clock.now() + 10_000,
      last_error: 'boom 2',
    });
  });

  it('prunes done jobs after a week and failed ones after a month', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const { def, state } = recorder('test.old', { maxAttempts: 1 });
    await using r = runner(srv, [def]);
    const done = await enqueue(srv.rounds.deps.db, clock, 'test.old', null);
    expect(await r.runDue()).toBe(1);
    state.failing = true;
    const failed = await enqueue(srv.rounds.deps.db, clock, 'test.old', null);
    expect(await r.runDue()).toBe(1);
    const db = srv.rounds.deps.db;
    clock.advance(8 * 86_400_000);
    await pruneJob.run(srv.rounds.deps, null, { jobId: 'direct', attempt: 1 });
    expect(await findJobById(db, done.id)).toBeUndefined();
    expect(await findJobById(db, failed.id)).toMatchObject({ state: 'failed' });
    clock.advance(23 * 86_400_000);
    await pruneJob.run(srv.rounds.deps, null, { jobId: 'direct', attempt: 1 });
    expect(await findJobById(db, failed.id)).toBeUndefined();
  });
});

describe("the app's recurring jobs", () => {
  it('sweeps expired sessions through the runner', async () => {
    const clock = manualClock();
    await using srv = await startTestServer({ clock });
    const user = await registerUser(srv.url);
    expect(await srv.rounds.jobs.runDue()).toBe(0);
    const db = srv.rounds.deps.db;
    for (const name of ['media.sweep-orphans', 'accounts.delete-expired-sessions', 'jobs.prune']) {
      expect(await findJobByKey(db, `every:${name}`)).toMatchObject({ state: 'pending' });
    }
    expect((await api(srv.url, 'GET', '/me', undefined, user.token)).status).toBe(200);
    clock.advance(31 * 86_400_000);
    expect(await srv.rounds.jobs.runDue()).toBe(3);
    expect((await api(srv.url, 'GET', '/me', undefined, user.token)).status).toBe(401);
    expect(await findJobByKey(db, 'every:accounts.delete-expired-sessions')).toMatchObject({
      state: 'pending',
      run_at: clock.now() + 5 * 60_000,
      last_error: null,
    });
  });
});
