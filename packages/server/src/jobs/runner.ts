import type { Deps } from '../context';
import { metricsOf } from '../http/metrics';
import { newId } from '../ids';
import {
  DEFAULT_JOB_LEASE_MS,
  DEFAULT_MAX_ATTEMPTS,
  defaultBackoff,
  type JobDefinition,
  recurringKey,
} from './definition';
import { enqueue } from './enqueue';
import { pruneJob } from './prune';
import * as store from './store';

/** The lease row whose holder is the cluster's one active runner. */
const RUNNER_LEASE = 'jobs.runner';

export type JobRunnerOptions = {
  /** Time between polls when started; 0 never polls (tests drive `runDue()`). Default 5 s. */
  pollMs?: number;
  /** How long the active runner stays active without renewing (default 30 s); renewed at half-life. */
  leaseMs?: number;
  /** Jobs run per poll at most, so one poll ends and renews its lease (default 20). */
  maxPerPoll?: number;
};

type Outcome = 'done' | 'retry' | 'failed' | 'lost';

/**
 * Runs due jobs, one at a time, on the one node of the cluster that holds the runner lease. Every other
 * node's runner polls only to take over once that lease expires (its node stopped renewing it). Each job
 * is also claimed with its own lease, so a job whose node died mid-run runs again after that lease expires.
 */
export class JobRunner {
  /** This runner's identity in lease rows: the node id plus a random part (test nodes share a pid). */
  readonly owner: string;
  private readonly defs = new Map<string, JobDefinition>();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxPerPoll: number;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private polling = false;
  private renewing: Promise<unknown> = Promise.resolve();
  /** The lease end of the job running now (0: none). */
  private jobLeaseUntil = 0;
  private stopped = false;
  private leading = false;
  private leaseUntil = 0;

  constructor(
    private readonly deps: Deps,
    definitions: readonly JobDefinition[],
    opts: JobRunnerOptions = {},
  ) {
    this.owner = `${deps.config.nodeId}/${newId()}`;
    this.pollMs = opts.pollMs ?? 5000;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.maxPerPoll = opts.maxPerPoll ?? 20;
    for (const d of [...definitions, pruneJob]) {
      if (this.defs.has(d.name)) throw new Error(`two job definitions are named ${d.name}`);
      this.defs.set(d.name, d);
    }
  }

  /** Starts polling (unless pollMs is 0). */
  start(): void {
    if (this.pollMs <= 0 || this.timer || this.stopped) return;
    this.timer = setInterval(() => {
      if (this.polling) {
        // A long job holds up the poll loop, which renews the runner lease between jobs: renew it here so
        // another node does not take over while this one is busy, but only within the job's own lease, so
        // a hung job lets another node take over and run it (and the rest) again.
        if (this.deps.clock.now() < this.jobLeaseUntil) {
          this.renewing = this.lead().catch((err) => this.deps.log.error({ err }, 'job runner lease renewal failed'));
        }
        return;
      }
      this.polling = true;
      this.runDue()
        .catch((err) => this.deps.log.error({ err }, 'job poll failed'))
        .finally(() => {
          this.polling = false;
        });
    }, this.pollMs);
    this.timer.unref();
  }

  /** One poll: becomes or stays the active runner if it can, then runs the jobs due now. Returns how many ran. */
  runDue(): Promise<number> {
    const run = this.chain.then(() => this.poll());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Stops polling, waits for the running job, and gives up the runner lease so another node takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.chain;
    await this.renewing;
    if (this.leading) await store.releaseLease(this.deps.db, RUNNER_LEASE, this.owner);
    this.leading = false;
  }

  private async poll(): Promise<number> {
    let ran = 0;
    for (let i = 0; i < this.maxPerPoll && !this.stopped; i++) {
      if (!(await this.lead())) break;
      const now = this.deps.clock.now();
      const [due] = await store.findDueJobs(this.deps.db, [...this.defs.keys()], now, 1);
      if (!due) break;
      const def = this.defs.get(due.name) as JobDefinition;
      // Only the row a recurring definition keeps recurs; an extra one enqueued by name runs once.
      const every = due.key === recurringKey(def.name) ? def.every : undefined;
      if (due.state === 'running' && due.attempts >= due.max_attempts) {
        await this.settleStranded(def, every, due.id, due.attempts, now);
        continue;
      }
      const leaseUntil = now + (def.leaseMs ?? DEFAULT_JOB_LEASE_MS);
      const maxAttempts = def.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      const claimed = await store.claimJob(this.deps.db, {
        id: due.id,
        seenAttempts: due.attempts,
        owner: this.owner,
        now,
        leaseUntil,
        maxAttempts,
      });
      if (!claimed) continue;
      this.jobLeaseUntil = leaseUntil;
      try {
        await this.execute(def, every, claimed.id, claimed.payload, claimed.attempts, maxAttempts);
      } finally {
        this.jobLeaseUntil = 0;
      }
      ran++;
    }
    return ran;
  }

  /** True while this runner holds the runner lease; takes it when it is free or expired. */
  private async lead(): Promise<boolean> {
    const now = this.deps.clock.now();
    if (this.leading && this.leaseUntil - now > this.leaseMs / 2) return true;
    const lease = await store.findLease(this.deps.db, RUNNER_LEASE);
    if (lease && lease.owner !== this.owner && lease.expires_at > now) {
      this.leading = false;
      return false;
    }
    const won = await store.acquireLease(this.deps.db, RUNNER_LEASE, this.owner, now, now + this.leaseMs);
    const wasLeading = this.leading;
    this.leading = won;
    if (won) this.leaseUntil = now + this.leaseMs;
    if (won && !wasLeading) await this.ensureRecurring(now);
    return won;
  }

  /** One row per recurring job, keyed by name: inserting it again is a no-op, so any node may do it. */
  private async ensureRecurring(now: number): Promise<void> {
    for (const def of this.defs.values()) {
      if (!def.every) continue;
      await enqueue(this.deps.db, this.deps.clock, def.name, null, {
        key: recurringKey(def.name),
        runAt: now + def.every,
      });
    }
  }

  private async execute(
    def: JobDefinition,
    every: number | undefined,
    id: string,
    payload: string,
    attempt: number,
    maxAttempts: number,
  ): Promise<void> {
    let error: string | undefined;
    try {
      await def.run(this.deps, JSON.parse(payload), { jobId: id, attempt });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      this.deps.log.warn({ err, job: def.name, jobId: id, attempt }, 'job failed');
    }
    const now = this.deps.clock.now();
    let outcome: Outcome;
    let next: store.JobOutcome;
    if (error === undefined) {
      outcome = 'done';
      next = every
        ? { state: 'pending', run_at: now + every, attempts: 0, last_error: null, updated_at: now }
        : { state: 'done', last_error: null, updated_at: now };
    } else if (attempt < maxAttempts) {
      outcome = 'retry';
      const delay = (def.backoff ?? defaultBackoff)(attempt);
      next = { state: 'pending', run_at: now + delay, last_error: error.slice(0, 2000), updated_at: now };
    } else {
      outcome = 'failed';
      next = this.givenUp(every, error, now);
    }
    if (!(await store.finishJob(this.deps.db, id, this.owner, attempt, next))) {
      // The lease ran out and another runner took the job over: its run decides the outcome.
      outcome = 'lost';
      this.deps.log.warn({ job: def.name, jobId: id, attempt }, 'job finished after its lease was lost');
    }
    metricsOf(this.deps)?.jobRuns.inc({ name: def.name, outcome });
  }

  /** A job whose node vanished during its last attempt: it gives up as if that attempt had failed. */
  private async settleStranded(
    def: JobDefinition,
    every: number | undefined,
    id: string,
    attempts: number,
    now: number,
  ): Promise<void> {
    const next = this.givenUp(every, 'lease expired during the last attempt (the node stopped mid-run)', now);
    if (await store.settleStrandedJob(this.deps.db, id, attempts, next)) {
      metricsOf(this.deps)?.jobRuns.inc({ name: def.name, outcome: 'failed' });
    }
  }

  /** A recurring job keeps its row and waits for its next period; any other stops in state failed. */
  private givenUp(every: number | undefined, error: string, now: number): store.JobOutcome {
    const last_error = error.slice(0, 2000);
    return every
      ? { state: 'pending', run_at: now + every, attempts: 0, last_error, updated_at: now }
      : { state: 'failed', last_error, updated_at: now };
  }
}
