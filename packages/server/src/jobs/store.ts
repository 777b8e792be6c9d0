import type { Insertable } from 'kysely';
import type { Db, JobRow, JobsTable } from '../db/schema';

/*
 * The only SQL of the job runner. Every state change is a compare-and-set (a conditional UPDATE on the
 * row's id, state and attempts), so two runners racing for one row cannot both win, on SQLite or PostgreSQL.
 */

/** Inserts a job unless its key exists; returns whether it was inserted. */
export async function insertJob(db: Db, row: Insertable<JobsTable>): Promise<boolean> {
  const r = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** The job holding an idempotency key, if any. */
export async function findJobByKey(db: Db, key: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
}

/** One job by id (operators and tests read its state and last error). */
export async function findJobById(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pending jobs due by `now` and running jobs whose lease expired, of the given names, oldest first. */
export async function findDueJobs(db: Db, names: string[], now: number, limit: number) {
  return db
    .selectFrom('jobs')
    .select(['id', 'name', 'key', 'state', 'attempts', 'max_attempts'])
    .where('name', 'in', names)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit)
    .execute();
}

/** What a runner saw of a due job and the lease it asks for. */
export type Claim = {
  id: string;
  seenAttempts: number;
  owner: string;
  now: number;
  leaseUntil: number;
  maxAttempts: number;
};

/** Takes a job that is still as `findDueJobs` saw it; undefined when another runner took it first. */
export async function claimJob(db: Db, c: Claim) {
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      max_attempts: c.maxAttempts,
      lease_owner: c.owner,
      lease_until: c.leaseUntil,
      updated_at: c.now,
    }))
    .where('id', '=', c.id)
    .where('attempts', '=', c.seenAttempts)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', c.now)]),
        eb.and([eb('state', '=', 'running'), eb('lease_until', '<', c.now)]),
      ]),
    )
    .returning(['id', 'payload', 'attempts'])
    .executeTakeFirst();
}

/** The state a run leaves its job in. */
export type JobOutcome = {
  state: 'pending' | 'done' | 'failed';
  run_at?: number;
  attempts?: number;
  last_error: string | null;
  updated_at: number;
};

/** Records the end of a run, only if this runner still holds that attempt's lease; returns whether it did. */
export async function finishJob(db: Db, id: string, owner: string, attempt: number, o: JobOutcome): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ ...o, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('lease_owner', '=', owner)
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a job whose runner vanished during its last attempt (state running, lease expired, attempts used up). */
export async function settleStrandedJob(db: Db, id: string, seenAttempts: number, o: JobOutcome): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ ...o, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('attempts', '=', seenAttempts)
    .where('lease_until', '<', o.updated_at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes done jobs last changed before `doneBefore` and failed ones before `failedBefore`; returns how many. */
export async function pruneJobs(db: Db, doneBefore: number, failedBefore: number): Promise<number> {
  const r = await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'done'), eb('updated_at', '<', doneBefore)]),
        eb.and([eb('state', '=', 'failed'), eb('updated_at', '<', failedBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** A named lease's holder and expiry, if anyone took it. */
export async function findLease(db: Db, name: string) {
  return db.selectFrom('leases').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Takes or renews a lease: succeeds when it is free, expired by `now`, or already this owner's. */
export async function acquireLease(db: Db, name: string, owner: string, now: number, until: number): Promise<boolean> {
  const r = await db
    .insertInto('leases')
    .values({ name, owner, expires_at: until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner, expires_at: until })
        .where((eb) => eb.or([eb('leases.owner', '=', owner), eb('leases.expires_at', '<=', now)])),
    )
    .returning('owner')
    .executeTakeFirst();
  return r?.owner === owner;
}

/** Gives a lease up early (a clean stop), so another node need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('owner', '=', owner).execute();
}
