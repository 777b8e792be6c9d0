import type { Deps } from '../context';

/** What a handler learns about the run it is in. */
type JobContext = { jobId: string; attempt: number };

/**
 * A kind of job. Handlers must be idempotent: a job runs at least once, and again after a node dies
 * mid-run (its lease expires) or after it throws.
 */
export type JobDefinition<P = unknown> = {
  /** Unique; stored in each row, so renaming orphans the pending rows of the old name. */
  name: string;
  run(deps: Deps, payload: P, ctx: JobContext): Promise<void>;
  /** Runs before the job stops in state failed (default 5). */
  maxAttempts?: number;
  /** Delay before retry number `attempt + 1`, after `attempt` failed (default: 30 s doubling, at most 1 h). */
  backoff?(attempt: number): number;
  /** How long a run may take before another runner may take the job over (default 60 s). */
  leaseMs?: number;
  /** Recurring: the runner keeps one row of this name and schedules it `every` ms after each run. */
  every?: number;
};

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_JOB_LEASE_MS = 60_000;

/** 30 s, 1 min, 2 min… capped at 1 h. No jitter: one runner per cluster, so retries do not stampede. */
export function defaultBackoff(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
}

/** The idempotency key of a recurring job's single row. */
export function recurringKey(name: string): string {
  return `every:${name}`;
}
