import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Limits } from '@rounds/protocol';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import pino from 'pino';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import type { Deps } from './context';
import { migrateToLatest, openDatabase } from './db/database';
import { EventBus } from './events/bus';
import { SignalPoller, SignalRelay } from './events/signals';
import { features } from './features';
import { flushSessionTouches } from './features/accounts/service';
import { ImageWorker } from './features/media/images';
import { sweepTemporaryFiles } from './features/media/service';
import { LocalStorage, S3Storage } from './features/media/storage';
import { WriteBatcher } from './features/messages/batcher';
import { SendPipeline, type SendRule } from './features/messages/pipeline';
import { listRoomsForSocket } from './features/rooms/service';
import { installAuth } from './http/auth';
import { frameworkErrors, installErrorHandler } from './http/errors';
import { installMetrics } from './http/metrics';
import { describeContracts } from './http/openapi';
import { installSecurityHeaders } from './http/security-headers';
import { JobRunner } from './jobs/runner';
import { MemoryRateLimiter, type RateLimiter } from './rate-limit';
import { RedisRateLimiter } from './rate-limit-redis';
import { Gateway } from './realtime/gateway';
import { mergeSocketHandlers } from './realtime/handlers';
import { Hub } from './realtime/hub';
import { RedisTransport } from './realtime/redis-transport';
import { storageFullNow } from './storage-full';

export type Rounds = {
  app: FastifyInstance;
  deps: Deps;
  gateway: Gateway;
  hub: Hub;
  /** The durable job runner (active on one node of the cluster at a time). */
  jobs: JobRunner;
  /** Every HTTP route registered, as `METHOD /url` (the contract coverage test reads it). */
  routes: string[];
  /** Listens on config.host:config.port; returns the base URL. */
  listen(): Promise<string>;
  /** Drains sockets, flushes writes and closes everything. */
  close(): Promise<void>;
};

/** How long a stopping server lets HTTP requests still running finish before cutting them. */
const SHUTDOWN_GRACE_MS = 10_000;

export type AppOptions = {
  pgSchema?: string | undefined;
  logger?: pino.Logger | undefined;
  /** A short-lived process (the `rounds admin` CLI): its events go to the signals table for the nodes. */
  cli?: boolean;
  /** Community rules every send passes (tests use their own). */
  rules?: readonly SendRule[];
  /** Tests pass a manual clock. */
  clock?: Clock | undefined;
  /** false: the job runner does not poll; tests call `rounds.jobs.runDue()` instead. */
  pollJobs?: boolean | undefined;
};

/** Assembles storage, hub, HTTP routes and the socket gateway. Migrates the database first. */
export async function createRounds(config: Config, opts: AppOptions = {}): Promise<Rounds> {
  const log = opts.logger ?? pino({ level: config.logLevel, base: { node: config.nodeId } });
  const pgSchema = opts.pgSchema ?? config.databaseSchema;
  const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, pgSchema });
  await migrateToLatest(database, pgSchema);
  const hub = new Hub();
  let limiter: RateLimiter = new MemoryRateLimiter();
  if (config.redisUrl) {
    hub.setTransport(new RedisTransport(config.redisUrl, config.nodeId, hub, log));
    limiter = new RedisRateLimiter(
      // Auto-pipelining: the rate checks of one batch go out in one write (only EVALSHA on this connection).
      new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true }),
    );
  }
  const media = config.s3 ? new S3Storage(config.s3) : new LocalStorage(path.join(config.dataDir, 'media'));
  const images = new ImageWorker(log);
  const bus = new EventBus(log);
  const relay = opts.cli ? new SignalRelay(database.db) : undefined;
  bus.subscribe(relay ?? hub.subscriber());
  const clock = opts.clock ?? systemClock;
  const core = { config, database, db: database.db, bus, presence: hub, log, limiter, media, images, clock };
  const batcher = new WriteBatcher(core);
  const deps: Deps = { ...core, sends: new SendPipeline(core, batcher, opts.rules) };
  const modules = features().map((make) => make(deps));
  for (const m of modules) for (const s of m.subscribers ?? []) bus.subscribe(s);
  const signals = opts.cli ? undefined : new SignalPoller(database.db, bus, log, config.signalPollMs);

  const app: FastifyInstance = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    bodyLimit: Limits.maxBodyBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, deps);
  installSecurityHeaders(app, config.publicUrl);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 4096 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Rounds API',
        version: '1.0.0',
        description: 'REST API of Rounds. The socket protocol is in docs/PROTOCOL.md.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => ('openapiObject' in doc ? describeContracts(doc.openapiObject) : doc.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  installMetrics(app, deps, hub);
  installAuth(app, deps);
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) routes.push(`${m} ${r.url}`);
  });

  await app.register(
    async (api) => {
      for (const m of modules) await m.routes?.(api);
    },
    { prefix: '/api/v1' },
  );

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const checks = { store: await storeReachable(deps), hub: await hub.ready() };
    // A full disk keeps reads working but refuses every write: not ready, and say why.
    const full = await storageFullNow(deps);
    const ok = checks.store && checks.hub && !full;
    return reply.status(ok ? 200 : 503).send({ ok, ...checks, ...(full && { reason: 'storage_full' }) });
  });

  serveWeb(app, config.webDist);

  const gateway = new Gateway(deps, hub, app.server, {
    handlers: mergeSocketHandlers(modules),
    loadRooms: listRoomsForSocket,
  });

  // Cluster-wide work runs as durable jobs, once per cluster (docs/ARCHITECTURE.md, Jobs).
  const jobs = new JobRunner(
    deps,
    modules.flatMap((m) => m.jobs ?? []),
    { pollMs: opts.pollJobs === false ? 0 : 5000 },
  );
  jobs.start();

  // Per node, not jobs: temporary upload files live in this node's own data folder, and the touch
  // buffer lives in this process's memory; no other node could do either.
  const sweeper = setInterval(() => void sweepTemporaryFiles(deps), 5 * 60_000);
  sweeper.unref();

  const touchFlusher = setInterval(() => {
    flushSessionTouches(deps).catch((err) => log.error({ err }, 'session touch flush failed'));
  }, 5000);
  touchFlusher.unref();

  let closed = false;
  return {
    app,
    deps,
    gateway,
    hub,
    jobs,
    routes,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      clearInterval(touchFlusher);
      signals?.stop();
      // A job still running after the grace is left to its lease: another node runs it again.
      let jobsGrace: NodeJS.Timeout | undefined;
      await Promise.race([
        jobs.stop().catch((err) => log.error({ err }, 'job runner stop failed')),
        new Promise((resolve) => (jobsGrace = setTimeout(resolve, SHUTDOWN_GRACE_MS))),
      ]);
      clearTimeout(jobsGrace);
      gateway.drain();
      await batcher.flush();
      await relay?.flush();
      await flushSessionTouches(deps).catch(() => {});
      gateway.closeAll();
      // server.close() drops idle keep-alive connections once; one that finishes its request later would
      // hold the close for the whole keep-alive timeout (72 s). Drop them as they go idle, and give
      // requests still running (an upload) a bounded grace.
      const idle = setInterval(() => app.server.closeIdleConnections(), 100);
      const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await app.close();
      clearInterval(idle);
      clearTimeout(force);
      await hub.close();
      await limiter.close();
      await images.close();
      await database.close();
    },
  };
}

async function storeReachable(deps: Deps): Promise<boolean> {
  try {
    await deps.db.selectFrom('users').select('id').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}

/** Serves the built web client at / with index.html for client-side routes; JSON 404s under /api. */
function serveWeb(app: FastifyInstance, webDist: string | undefined): void {
  const index = webDist ? path.join(webDist, 'index.html') : undefined;
  const hasWeb = !!index && fs.existsSync(index);
  if (hasWeb && webDist) {
    void app.register(fastifyStatic, { root: webDist, wildcard: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
