import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import type { Envelope, EventBus, Subscriber } from './bus';
import * as store from './store';

/** Signals younger than this are read; a node that was down longer missed nothing it could still act on. */
const WINDOW_MS = 60_000;
/** Signals older than this are deleted. */
const KEEP_MS = 60 * 60_000;

/**
 * Events committed by another process that shares the database: the `rounds admin` CLI resets a password in
 * its own process, where no socket is open and (on SQLite) no Redis reaches the nodes. In that process the
 * bus has this relay as its only subscriber, and every batch is written to the `signals` table; each server
 * node polls the table (ROUNDS_SIGNAL_POLL_MS, default 1 s) and hands new batches to its own bus as local
 * events, so its sockets act on them (a revoked session's sockets close). Works alike on SQLite and
 * PostgreSQL, with or without Redis.
 */
export class SignalRelay implements Subscriber {
  readonly name = 'signals';
  private writes: Promise<unknown>[] = [];

  constructor(private readonly db: Kysely<DB>) {}

  deliver(batch: readonly Envelope[]): void {
    const row = { id: newId(), batch: JSON.stringify(batch), created_at: Date.now() };
    this.writes.push(store.insertSignal(this.db, row));
  }

  /** Resolves when every signal is stored (call before the process exits). */
  async flush(): Promise<void> {
    const writes = this.writes.splice(0);
    await Promise.all(writes);
  }
}

/** Reads signals on a server node and publishes them to its bus, each once. */
export class SignalPoller {
  private readonly seen = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private running = false;
  private polls = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly bus: EventBus,
    private readonly log: Logger,
    pollMs: number,
  ) {
    this.timer = setInterval(() => void this.poll(), pollMs);
    this.timer.unref();
  }

  /** One read of new signals (the timer calls this; tests may too). */
  async poll(now = Date.now()): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const row of await store.findSignalsSince(this.db, now - WINDOW_MS)) {
        if (this.seen.has(row.id)) continue;
        this.seen.set(row.id, Number(row.created_at));
        const batch = (JSON.parse(row.batch) as Envelope[]).map((e) => ({ ...e, local: true as const }));
        this.bus.publish(batch);
      }
      for (const [id, at] of this.seen) if (at < now - 2 * WINDOW_MS) this.seen.delete(id);
      if (++this.polls % 100 === 1) await store.deleteSignalsBefore(this.db, now - KEEP_MS);
    } catch (err) {
      this.log.warn({ err }, 'reading signals failed');
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
