import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Deps } from '../context';
import type { Hub } from '../realtime/hub';
import { storageFullFailures } from '../storage-full';

/** Metrics of one server instance (a registry each, so tests can run several in one process). */
export type Metrics = {
  registry: Registry;
  fanout: Histogram;
  storeBatch: Histogram;
  messagesIn: Counter;
  /** Job runs ended, by job name and outcome (done, retry, failed, lost). */
  jobRuns: Counter<'name' | 'outcome'>;
  /** Password verifications, against a real account or the dummy hash of an unknown e-mail. */
  passwordChecks: Counter<'against'>;
};

// Keyed by the database, which the send pipeline's dependencies and the full ones share.
const metricsByDeps = new WeakMap<Deps['database'], Metrics>();

/** The metrics of this instance, for features that record into them. */
export function metricsOf(deps: Pick<Deps, 'database'>): Metrics | undefined {
  return metricsByDeps.get(deps.database);
}

/** Exposes Prometheus metrics at /metrics. */
export function installMetrics(app: FastifyInstance, deps: Deps, hub: Hub): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const fanout = new Histogram({
    name: 'rounds_fanout_seconds',
    help: 'Time to write one event to every local socket in its audience.',
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const storeBatch = new Histogram({
    name: 'rounds_store_batch_seconds',
    help: 'Time to commit one batch of message writes.',
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const messagesIn = new Counter({
    name: 'rounds_messages_in_total',
    help: 'Messages accepted (durable).',
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'rounds_jobs_total',
    help: 'Job runs by name and outcome: done, retry (failed, will run again), failed (gave up), lost (lease lost).',
    labelNames: ['name', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'rounds_connections',
    help: 'Authenticated sockets on this node.',
    registers: [registry],
    collect() {
      this.set(hub.stats.connections);
    },
  });
  new Gauge({
    name: 'rounds_events_delivered',
    help: 'Event frames written to sockets since start (messages out).',
    registers: [registry],
    collect() {
      this.set(hub.stats.delivered);
    },
  });
  new Gauge({
    name: 'rounds_events_published',
    help: 'Events published since start.',
    registers: [registry],
    collect() {
      this.set(hub.stats.published);
    },
  });
  new Gauge({
    name: 'rounds_hub_lag_seconds',
    help: 'Delay between publication on another node and receipt here, of the last event from Redis.',
    registers: [registry],
    collect() {
      this.set(hub.remoteLagMs() / 1000);
    },
  });
  new Gauge({
    name: 'rounds_hub_remote_events',
    help: 'Events received from other nodes since start.',
    registers: [registry],
    collect() {
      this.set(hub.stats.remote);
    },
  });
  new Gauge({
    name: 'rounds_hub_order_timeouts',
    help: 'Runs of stream events written after waiting the whole hold for an earlier seq that never came (clients then sync).',
    registers: [registry],
    collect() {
      this.set(hub.orderStats().released);
    },
  });
  new Gauge({
    name: 'rounds_storage_full_failures',
    help: 'Writes refused for lack of space (SQLITE_FULL, ENOSPC, PostgreSQL 53100) since start.',
    registers: [registry],
    collect() {
      this.set(storageFullFailures(deps));
    },
  });
  const passwordChecks = new Counter({
    name: 'rounds_password_checks_total',
    help: 'Sign-in password verifications, against an account or (unknown e-mail) the dummy hash.',
    labelNames: ['against'] as const,
    registers: [registry],
  });
  const { wal, checkpointer } = deps.database;
  if (wal && checkpointer) {
    new Gauge({
      name: 'rounds_sqlite_wal_syncs',
      help: 'fdatasync calls of the SQLite WAL since start (each makes every write committed before it durable).',
      registers: [registry],
      collect() {
        this.set(wal.syncs);
      },
    });
    new Gauge({
      name: 'rounds_sqlite_checkpoints',
      help: 'Checkpoints of the SQLite WAL into the database file (on the checkpoint worker) since start.',
      registers: [registry],
      collect() {
        this.set(checkpointer.stats.checkpoints);
      },
    });
    new Gauge({
      name: 'rounds_sqlite_checkpoint_errors',
      help: 'Failed checkpoints, or the checkpoint worker lost (the connection then checkpoints by itself).',
      registers: [registry],
      collect() {
        this.set(checkpointer.stats.errors);
      },
    });
  }
  hub.onFanout = (seconds) => fanout.observe(seconds);
  metricsByDeps.set(deps.database, { registry, fanout, storeBatch, messagesIn, jobRuns, passwordChecks });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
