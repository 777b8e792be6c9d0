import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Migration, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Checkpointer, DurableSqliteDialect, markingWrites, startCheckpointer, WalSync } from './durable-sqlite';
import * as m0001 from './migrations/0001-core';
import * as m0002 from './migrations/0002-media';
import * as m0003 from './migrations/0003-jobs';
import * as m0004 from './migrations/0004-foundations';
import type { DB } from './schema';

/** Forward-only, numbered. Add new ones at the end; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001-core': m0001,
  '0002-media': m0002,
  '0003-jobs': m0003,
  '0004-foundations': m0004,
};

export type Database = {
  db: Kysely<DB>;
  dialect: 'sqlite' | 'postgres';
  /** The raw SQLite handle, for the hot write path and online backups; undefined on PostgreSQL. */
  sqlite: SQLite.Database | undefined;
  /** Where the SQLite file lives, when there is one. */
  file: string | undefined;
  /** SQLite: the WAL's group-committed sync (raw-handle writers set `dirty`) and the checkpointing worker. */
  wal: WalSync | undefined;
  checkpointer: Checkpointer | undefined;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use (created if missing); tests give each run its own. */
  pgSchema?: string | undefined;
};

// BIGINT (oid 20) holds our epoch-ms timestamps and seqs, all well inside 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Opens SQLite in the data folder or PostgreSQL when a URL is given. SQLite runs in WAL mode; commits are
 * made durable by an fdatasync of the WAL off the event loop before anyone is answered (see durable-sqlite).
 */
export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.pgSchema);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'rounds.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL: commits do not fsync on this (the main) thread; WalSync does it in the pool before answering.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_autocheckpoint = 0');
  sqlite.pragma('journal_size_limit = 67108864');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  const wal = new WalSync(`${file}-wal`);
  const checkpointer = startCheckpointer(sqlite, file);
  const db = new Kysely<DB>({ dialect: new DurableSqliteDialect({ database: withStatementCache(sqlite, wal) }, wal) });
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    file,
    wal,
    checkpointer,
    close: async () => {
      await checkpointer.stop();
      await wal.close();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query it runs; better-sqlite3 statements are reusable, so keep them by SQL text.
 * Kysely's SQL for a query shape is stable (values are parameters), so the cache stays small.
 */
function withStatementCache(sqlite: SQLite.Database, wal: WalSync): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = markingWrites((sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= 2000) cache.clear();
      stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  }, wal);
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function openPostgres(url: string, schema: string | undefined): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    sqlite: undefined,
    file: undefined,
    wal: undefined,
    checkpointer: undefined,
    close: () => db.destroy(),
  };
}

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrateToLatest(database: Database, pgSchema?: string): Promise<string[]> {
  if (database.dialect === 'postgres' && pgSchema) {
    await database.db.schema.createSchema(pgSchema).ifNotExists().execute();
  }
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'rounds_migrations',
    migrationLockTableName: 'rounds_migrations_lock',
    // Kysely finds its own tables by introspection across schemas; name ours so another schema's don't count.
    ...(database.dialect === 'postgres' && pgSchema ? { migrationTableSchema: pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
