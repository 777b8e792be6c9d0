import fs from 'node:fs';
import type { Deps } from './context';
import { AppError } from './errors';

/** How long after a failure for lack of space /readyz keeps reporting it when it cannot look (PostgreSQL). */
const REPORT_MS = 30_000;
/** Below this much free space in the data folder, the store still counts as full. */
const MIN_FREE_BYTES = 4 * 1024 * 1024;
const RETRY_AFTER_MS = 5_000;

/**
 * True for "no space left" from any store: SQLite's SQLITE_FULL, the file system's ENOSPC, PostgreSQL's
 * 53100 (disk_full). The one place these are recognised (issue 11), looking through `cause` chains.
 */
function isStorageFull(err: unknown): boolean {
  let e = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Failures for lack of space on one server, for /readyz and /metrics. */
class StorageHealth {
  failures = 0;
  lastFailureAt = 0;
}

const healthByDeps = new WeakMap<Deps, StorageHealth>();

function healthOf(deps: Deps): StorageHealth {
  let health = healthByDeps.get(deps);
  if (!health) {
    health = new StorageHealth();
    healthByDeps.set(deps, health);
  }
  return health;
}

/** Failures for lack of space since start (read by metrics). */
export function storageFullFailures(deps: Deps): number {
  return healthOf(deps).failures;
}

/**
 * The `storage_full` error for a failure for lack of space, counted for /readyz and /metrics; undefined for
 * any other error. Nothing was stored, so the client may retry: the server recovers once space is freed.
 */
export function storageFullError(deps: Deps, err: unknown): AppError | undefined {
  if (!isStorageFull(err)) return undefined;
  const health = healthOf(deps);
  health.failures++;
  health.lastFailureAt = Date.now();
  deps.log.warn({ code: (err as { code?: unknown }).code }, 'storage full: a write was refused');
  return new AppError('storage_full', 'The server is out of storage space; nothing was saved. Try again later.', {
    retryAfterMs: RETRY_AFTER_MS,
  });
}

/**
 * Whether the store is full now, for /readyz: only after a failure for lack of space, and until the server
 * sees room again (free space in the data folder, and SQLite below its page limit). On PostgreSQL, whose disk
 * it cannot see, for REPORT_MS after the last failure.
 */
export async function storageFullNow(deps: Deps): Promise<boolean> {
  const { lastFailureAt } = healthOf(deps);
  if (lastFailureAt === 0) return false;
  const sqlite = deps.database.sqlite;
  if (!sqlite) return Date.now() - lastFailureAt < REPORT_MS;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const maxPages = sqlite.pragma('max_page_count', { simple: true }) as number;
  const stat = await fs.promises.statfs(deps.config.dataDir);
  const room = pages < maxPages && stat.bavail * stat.bsize >= MIN_FREE_BYTES;
  if (room) healthOf(deps).lastFailureAt = 0;
  return !room;
}
