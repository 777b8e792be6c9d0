import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database';

const opened: Database[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
});

async function open(): Promise<Database & { wal: NonNullable<Database['wal']> }> {
  const database = openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-durable-')) });
  opened.push(database);
  await sql`CREATE TABLE t (x INTEGER NOT NULL)`.execute(database.db);
  if (!database.wal) throw new Error('no WAL sync on SQLite');
  return database as Database & { wal: NonNullable<Database['wal']> };
}

describe('SQLite durability off the event loop', () => {
  it('runs in WAL mode without syncing on commit or checkpointing on the main connection', async () => {
    const { sqlite } = await open();
    expect(sqlite?.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite?.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  });

  it('answers a write only after a WAL sync, and a read without one', async () => {
    const { db, wal } = await open();
    const before = wal.syncs;
    await sql`INSERT INTO t VALUES (1)`.execute(db);
    expect(wal.syncs).toBeGreaterThan(before);
    const afterWrite = wal.syncs;
    await db
      .selectFrom('t' as never)
      .selectAll()
      .execute();
    expect(wal.syncs).toBe(afterWrite);
  });

  it('makes a write wait for its own sync when a read is queued right behind it', async () => {
    const { db, wal } = await open();
    const before = wal.syncs;
    const write = sql`INSERT INTO t VALUES (2)`.execute(db);
    const read = db
      .selectFrom('t' as never)
      .selectAll()
      .execute();
    await write;
    expect(wal.syncs).toBeGreaterThan(before);
    await read;
  });

  it('shares syncs between writes committed while one runs (group commit)', async () => {
    const { db, wal } = await open();
    const before = wal.syncs;
    await Promise.all(Array.from({ length: 100 }, (_, i) => sql`INSERT INTO t VALUES (${i})`.execute(db)));
    const used = wal.syncs - before;
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThan(100);
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM t`.execute(db);
    expect(n.rows[0]?.n).toBe(100);
  });

  it('a transaction is answered after its commit was synced; a rolled-back one leaves nothing', async () => {
    const { db, wal } = await open();
    const before = wal.syncs;
    await db.transaction().execute(async (tx) => {
      await sql`INSERT INTO t VALUES (7)`.execute(tx);
      await sql`INSERT INTO t VALUES (8)`.execute(tx);
    });
    expect(wal.syncs).toBeGreaterThan(before);
    await expect(
      db.transaction().execute(async (tx) => {
        await sql`INSERT INTO t VALUES (9)`.execute(tx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const rows = await sql<{ x: number }>`SELECT x FROM t ORDER BY x`.execute(db);
    expect(rows.rows.map((r) => r.x)).toEqual([7, 8]);
  });

  it('checkpoints the WAL into the database file on the worker thread', async () => {
    const { db, checkpointer, file } = await open();
    for (let i = 0; i < 20; i++) await sql`INSERT INTO t VALUES (${i})`.execute(db);
    const deadline = Date.now() + 10_000;
    while ((checkpointer?.stats.checkpoints ?? 0) === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(checkpointer?.stats.checkpoints).toBeGreaterThan(0);
    expect(checkpointer?.stats.errors).toBe(0);
    // The rows are in the database file itself: a fresh read-only connection ignoring the WAL finds them.
    const { default: SQLite } = await import('better-sqlite3');
    const copy = path.join(path.dirname(file as string), 'copy.sqlite');
    fs.copyFileSync(file as string, copy);
    const reader = new SQLite(copy, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 20 });
    } finally {
      reader.close();
    }
  });
});
