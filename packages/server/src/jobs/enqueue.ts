import type { Clock } from '../clock';
import type { Db } from '../db/schema';
import { newId } from '../ids';
import { DEFAULT_MAX_ATTEMPTS } from './definition';
import * as store from './store';

export type EnqueueOptions = {
  /** When to run (epoch ms); default now. */
  runAt?: number;
  /** Idempotency key: while a job with this key exists (until pruned), enqueueing it again does nothing. */
  key?: string;
};

/**
 * Schedules job `name` with a JSON payload. Pass the service's transaction as `db` to enqueue atomically
 * with the write that causes the job (a rollback leaves no job). Returns the job's id, or the id of the
 * job already holding `key`. Throws no AppError.
 */
export async function enqueue<P>(
  db: Db,
  clock: Clock,
  name: string,
  payload: P,
  opts: EnqueueOptions = {},
): Promise<{ id: string; created: boolean }> {
  const now = clock.now();
  const id = newId();
  const key = opts.key ?? id;
  const created = await store.insertJob(db, {
    id,
    name,
    key,
    payload: JSON.stringify(payload ?? null),
    run_at: opts.runAt ?? now,
    attempts: 0,
    max_attempts: DEFAULT_MAX_ATTEMPTS,
    last_error: null,
    lease_owner: null,
    lease_until: null,
    state: 'pending',
    created_at: now,
    updated_at: now,
  });
  if (created) return { id, created };
  const existing = await store.findJobByKey(db, key);
  return { id: existing?.id ?? id, created: false };
}
