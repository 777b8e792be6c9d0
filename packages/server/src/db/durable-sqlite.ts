/**
 * SQLite durability without fsync on the event loop.
 *
 * better-sqlite3 is synchronous: with `synchronous = FULL` every COMMIT waits, on the main thread, for an
 * fsync of the WAL, and a disk busy with uploads made that wait 100–300 ms (a frozen event loop). Instead
 * the connection runs with `synchronous = NORMAL` (a commit appends to the WAL without syncing it) and:
 *
 * - every write is followed, before its caller is answered, by an fdatasync of the WAL file in libuv's
 *   thread pool (`WalSync.flush`); writes committed while one sync is running share the next (group
 *   commit). Nothing is acknowledged before its WAL frames are on disk: the durability of FULL.
 * - checkpoints (copying the WAL into the database file, which syncs both) run on a worker thread with a
 *   connection of its own (`startCheckpointer`); the main connection never checkpoints by itself
 *   (`wal_autocheckpoint = 0`) unless that worker dies.
 *
 * Readers on the main connection can see a commit during the few milliseconds before its sync completes;
 * after a power loss such a row could be missing although someone read it. Its writer was never answered.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { type Driver, SqliteDialect, type SqliteDialectConfig } from 'kysely';

/** Group-committed fdatasync of one WAL file, off the event loop. */
export class WalSync {
  /** Set by whoever wrote on the connection since the last flush began. */
  dirty = false;
  /** Completed syncs (for /metrics and tests). */
  syncs = 0;
  private handle: Promise<fs.promises.FileHandle> | undefined;
  private inflight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(private readonly walFile: string) {}

  /** Resolves once everything committed before the call is on disk. */
  flush(): Promise<void> {
    this.dirty = false;
    if (!this.inflight) return this.start();
    // The running sync may have started before our commit: wait for the next one, shared by all comers.
    this.queued ??= this.inflight.then(
      () => this.next(),
      () => this.next(),
    );
    return this.queued;
  }

  /** Waits for pending syncs and closes the file. */
  async close(): Promise<void> {
    await this.queued?.catch(() => undefined);
    await this.inflight?.catch(() => undefined);
    const handle = await this.handle?.catch(() => undefined);
    this.handle = undefined;
    await handle?.close();
  }

  private next(): Promise<void> {
    this.queued = undefined;
    return this.start();
  }

  private start(): Promise<void> {
    const p = this.sync().finally(() => {
      if (this.inflight === p) this.inflight = undefined;
    });
    this.inflight = p;
    return p;
  }

  private async sync(): Promise<void> {
    this.handle ??= fs.promises.open(this.walFile, 'r');
    try {
      await (await this.handle).datasync();
      this.syncs++;
    } catch (err) {
      // Reopen next time (the file may not have existed yet); the caller learns the write is not durable.
      const failed = this.handle;
      this.handle = undefined;
      await (await failed.catch(() => undefined))?.close().catch(() => undefined);
      throw err;
    }
  }
}

/** Kysely's SQLite dialect whose connection, once released after a write, waits for the WAL sync. */
export class DurableSqliteDialect extends SqliteDialect {
  private readonly wal: WalSync;

  constructor(config: SqliteDialectConfig, wal: WalSync) {
    super(config);
    this.wal = wal;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const release = driver.releaseConnection.bind(driver);
    const wal = this.wal;
    // Kysely awaits releaseConnection before answering the query (or transaction, or connection().execute),
    // and the single connection is free again before the sync starts, so readers never wait for the disk.
    // The flag is read before the release: the next holder may run (and flush) before our await returns.
    driver.releaseConnection = async (connection) => {
      const synced = wal.dirty ? wal.flush() : undefined;
      await release(connection);
      await synced;
    };
    return driver;
  }
}

/** Marks the WAL dirty whenever a statement that can write is prepared through this handle (Kysely prepares per query). */
export function markingWrites(
  stmtOf: (sql: string) => SQLite.Statement,
  wal: WalSync,
): (sql: string) => SQLite.Statement {
  return (sql) => {
    const stmt = stmtOf(sql);
    if (!stmt.readonly) wal.dirty = true;
    return stmt;
  };
}

export type Checkpointer = {
  /** Checkpoints that copied frames, and the last error if any (for /metrics and tests). */
  readonly stats: { checkpoints: number; frames: number; errors: number };
  stop(): Promise<void>;
};

// Plain CommonJS so it runs in a worker without the TypeScript loader.
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 2000');
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.checkpointed > 0) parentPort.postMessage({ frames: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies the WAL into the database file every `everyMs` on a worker thread (PASSIVE: never blocks the
 * main connection's writers or readers). Should the worker die, the main connection goes back to
 * checkpointing by itself, so the WAL cannot grow without bound.
 */
export function startCheckpointer(sqlite: SQLite.Database, file: string, everyMs = 1000): Checkpointer {
  const stats = { checkpoints: 0, frames: 0, errors: 0 };
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file, everyMs },
  });
  worker.unref();
  let stopping = false;
  worker.on('message', (m: { frames?: number; error?: string }) => {
    if (m.error) stats.errors++;
    else {
      stats.checkpoints++;
      stats.frames += m.frames ?? 0;
    }
  });
  const fallBack = () => {
    if (stopping || !sqlite.open) return;
    stats.errors++;
    sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    stats,
    async stop() {
      if (stopping) return;
      stopping = true;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
