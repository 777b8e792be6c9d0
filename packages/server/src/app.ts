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
import type { Config } from './config';
import type { Deps } from './context';
import { migrateToLatest, openDatabase } from './db/database';
import { accountsRoutes } from './features/accounts/routes';
import { deleteExpiredSessions, flushSessionTouches } from './features/accounts/service';
import { ImageWorker } from './features/media/images';
import { mediaRoutes } from './features/media/routes';
import { sweepOrphans, sweepTemporaryFiles } from './features/media/service';
import { LocalStorage, S3Storage } from './features/media/storage';
import type { WriteBatcher } from './features/messages/batcher';
import { messageSocketHandlers, messagesRoutes } from './features/messages/routes';
import { createMessageWriter } from './features/messages/service';
import { roomsRoutes } from './features/rooms/routes';
import { listRoomsForSocket } from './features/rooms/service';
import { installAuth } from './http/auth';
import { frameworkErrors, installErrorHandler } from './http/errors';
import { installMetrics } from './http/metrics';
import { describeContracts } from './http/openapi';
import { MemoryRateLimiter, type RateLimiter } from './rate-limit';
import { RedisRateLimiter } from './rate-limit-redis';
import { Gateway } from './realtime/gateway';
import { Hub } from './realtime/hub';
import { RedisTransport } from './realtime/redis-transport';

export type Rounds = {
  app: FastifyInstance;
  deps: Deps;
  gateway: Gateway;
  batcher: WriteBatcher;
  /** Every HTTP route registered, as `METHOD /url` (the contract coverage test reads it). */
  routes: string[];
  /** Listens on config.host:config.port; returns the base URL. */
  listen(): Promise<string>;
  /** Drains sockets, flushes writes and closes everything. */
  close(): Promise<void>;
};

/** How long a stopping server lets HTTP requests still running finish before cutting them. */
const SHUTDOWN_GRACE_MS = 10_000;

export type AppOptions = { pgSchema?: string | undefined; logger?: pino.Logger | undefined };

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
  const deps: Deps = { config, database, db: database.db, hub, log, limiter, media, images };
  const batcher = createMessageWriter(deps);

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
  installErrorHandler(app);
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
  installMetrics(app, deps);
  installAuth(app, deps);
  const routes: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) routes.push(`${m} ${r.url}`);
  });

  await app.register(
    async (api) => {
      await api.register(accountsRoutes, { deps });
      await api.register(roomsRoutes, { deps });
      await api.register(messagesRoutes, { deps, batcher });
      await api.register(mediaRoutes, { deps });
    },
    { prefix: '/api/v1' },
  );

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const checks = { store: await storeReachable(deps), hub: await hub.ready() };
    return reply.status(checks.store && checks.hub ? 200 : 503).send({ ok: checks.store && checks.hub, ...checks });
  });

  serveWeb(app, config.webDist);

  const gateway = new Gateway(deps, app.server, {
    handlers: messageSocketHandlers(batcher),
    loadRooms: listRoomsForSocket,
  });

  const sweeper = setInterval(() => {
    sweepOrphans(deps).catch((err) => log.error({ err }, 'orphan sweep failed'));
    deleteExpiredSessions(deps).catch((err) => log.error({ err }, 'session sweep failed'));
    void sweepTemporaryFiles(deps);
  }, 5 * 60_000);
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
    batcher,
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
      gateway.drain();
      await batcher.flush();
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
