import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  type AckDataFor,
  ClientCommand,
  clientCommandTypes,
  type ErrorCode,
  Limits,
  PROTOCOL_VERSION,
} from '@rounds/protocol';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Actor, Deps } from '../context';
import { AppError } from '../errors';
import { announce } from '../events/unit';
import { authenticate, getSelf } from '../features/accounts/service';
import { credentialsOf, sameOrigin } from '../http/auth';
import { storageFullError } from '../storage-full';
import { Connection } from './connection';
import type { CommandOf, SocketHandler, SocketHandlers } from './handlers';
import type { Hub } from './hub';

const SOCKET_PATH = '/api/v1/socket';
/** Frames above this are refused by ws itself (close 1009); between maxFrameBytes and this, an error frame. */
const HARD_MAX_PAYLOAD = 1024 * 1024;
const HELLO_TIMEOUT_MS = 10_000;
const FLOOD_PER_SEC = 100;
const FLOOD_BURST = 300;
const HEARTBEAT_SLICES = 10;

export type GatewayOptions = {
  handlers: SocketHandlers;
  /** The rooms a user belongs to, with member counts (presence is pushed only to small rooms). */
  loadRooms(deps: Deps, userId: string): Promise<{ id: string; memberCount: number }[]>;
};

const knownTypes = new Set<string>(clientCommandTypes);

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    try {
      out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A malformed %-escape is the client's mistake: ignore that cookie, as @fastify/cookie does.
    }
  }
  return out;
}

/** The socket endpoint: the only code besides the hub that owns sockets. */
export class Gateway {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: HARD_MAX_PAYLOAD,
    perMessageDeflate: false,
    clientTracking: false,
  });
  private readonly pending = new Map<Connection, number>();
  private readonly actors = new WeakMap<Connection, Actor>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly helloSweep: NodeJS.Timeout;
  private draining = false;
  private accepted = 0;
  /** Commands received, by outcome; read by metrics. */
  readonly counters = { commands: 0, errors: 0 };

  constructor(
    private readonly deps: Deps,
    private readonly hub: Hub,
    server: Server,
    private readonly opts: GatewayOptions,
  ) {
    server.on('upgrade', (req, socket, head) => {
      this.upgrade(req, socket, head).catch((err) => {
        deps.log.error({ err }, 'upgrade failed');
        socket.destroy();
      });
    });
    // Each tick pings one slice of the sockets, so 10,000 pings never go out in one burst ahead of a broadcast.
    this.heartbeat = setInterval(() => this.beat(), deps.config.heartbeatMs / HEARTBEAT_SLICES);
    this.heartbeat.unref();
    // One sweep a second for sockets that have not said hello: no timer per socket.
    this.helloSweep = setInterval(() => this.closeLateSockets(), 1000);
    this.helloSweep.unref();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    if (path !== SOCKET_PATH) return reject(socket, 404, 'Not Found');
    if (this.draining) return reject(socket, 503, 'Service Unavailable');
    const creds = credentialsOf(req.headers, parseCookies(req.headers.cookie));
    let actor: Actor | undefined;
    if (creds) {
      if (creds.viaCookie && !sameOrigin(req.headers, this.deps.config)) return reject(socket, 403, 'Forbidden');
      actor = await authenticate(this.deps, creds.token);
      if (!actor && !creds.viaCookie) return reject(socket, 401, 'Unauthorized');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, actor));
  }

  private accept(ws: WebSocket, actor: Actor | undefined): void {
    const conn = new Connection(ws);
    conn.slot = this.accepted++ % HEARTBEAT_SLICES;
    conn.tokens = FLOOD_BURST;
    conn.refilledAt = Date.now();
    if (actor) this.actors.set(conn, actor);
    this.pending.set(conn, Date.now() + HELLO_TIMEOUT_MS);
    ws.on('error', (err) => this.deps.log.debug({ err }, 'socket error'));
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      void this.onFrame(conn, data, isBinary);
    });
    ws.on('close', () => this.onClose(conn));
  }

  private async onFrame(conn: Connection, data: RawData, isBinary: boolean): Promise<void> {
    conn.alive = true;
    this.counters.commands++;
    let ref: string | number | undefined;
    try {
      // Every frame counts against the flood budget before anything else, garbage included. A frame over
      // budget is still read as far as its `ref` (bounded JSON.parse), so its sender can tell which failed,
      // and goes no further: no type check, no validation, no handler.
      const flooded = this.flood(conn);
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
      if (size > Limits.maxFrameBytes)
        throw flooded ?? new AppError('payload_too_large', `Frames are limited to ${Limits.maxFrameBytes} bytes.`);
      if (isBinary) throw flooded ?? new AppError('malformed_frame', 'Send text frames holding JSON.');
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        throw flooded ?? new AppError('malformed_frame', 'The frame is not valid JSON.');
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw flooded ?? new AppError('malformed_frame', 'A frame is a JSON object with a "type".');
      }
      const obj = raw as Record<string, unknown>;
      if (typeof obj.ref === 'string' || typeof obj.ref === 'number') ref = obj.ref;
      if (flooded) throw flooded;
      if (typeof obj.type !== 'string' || !knownTypes.has(obj.type)) {
        throw new AppError('unknown_frame_type', `Unknown frame type ${describeType(obj.type)}.`, {
          known: clientCommandTypes,
        });
      }
      const parsed = ClientCommand.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('validation_failed', 'The frame is not valid.', { issues });
      }
      const result = await this.dispatch(conn, parsed.data);
      conn.sendJson({ type: 'ack', ref: parsed.data.ref, data: result });
    } catch (err) {
      this.counters.errors++;
      this.sendError(conn, ref, err);
    }
  }

  /** Takes a token from the socket's bucket; the `rate_limited` error when it is empty. */
  private flood(conn: Connection): AppError | undefined {
    const now = Date.now();
    conn.tokens = Math.min(FLOOD_BURST, conn.tokens + ((now - conn.refilledAt) / 1000) * FLOOD_PER_SEC);
    conn.refilledAt = now;
    if (conn.tokens < 1) {
      return new AppError('rate_limited', 'Too many frames; slow down.', {
        retryAfterMs: Math.ceil(((1 - conn.tokens) / FLOOD_PER_SEC) * 1000),
      });
    }
    conn.tokens -= 1;
    return undefined;
  }

  private async dispatch(conn: Connection, cmd: ClientCommand): Promise<unknown> {
    if (cmd.type === 'hello') return this.hello(conn, cmd);
    if (cmd.type === 'ping') return { now: new Date().toISOString() };
    if (!conn.authenticated) throw new AppError('unauthenticated', 'Send hello first.');
    const actor = this.actors.get(conn) as Actor;
    const handler = this.opts.handlers[cmd.type] as SocketHandler<typeof cmd.type>;
    return handler({ deps: this.deps, actor, conn }, cmd as never);
  }

  private async hello(conn: Connection, cmd: CommandOf<'hello'>): Promise<AckDataFor<'hello'>> {
    if (cmd.version !== PROTOCOL_VERSION) {
      throw new AppError('unsupported_version', `This server speaks protocol version ${PROTOCOL_VERSION}.`, {
        supported: [PROTOCOL_VERSION],
      });
    }
    // Checked and set before the first await: two hellos sent back to back must not both attach the socket
    // (it would get both users' rooms and stay counted after close). A failed hello may be retried.
    if (conn.helloStarted) throw new AppError('validation_failed', 'hello was already sent on this socket.');
    conn.helloStarted = true;
    try {
      return await this.welcome(conn, cmd);
    } catch (err) {
      if (!conn.authenticated) conn.helloStarted = false;
      throw err;
    }
  }

  private async welcome(conn: Connection, cmd: CommandOf<'hello'>): Promise<AckDataFor<'hello'>> {
    let actor = this.actors.get(conn);
    if (cmd.token) actor = await authenticate(this.deps, cmd.token);
    if (!actor) throw new AppError('unauthenticated', 'Unknown or expired token.');
    const [user, rooms] = await Promise.all([getSelf(this.deps, actor), this.opts.loadRooms(this.deps, actor.userId)]);
    // After the awaits: a socket that closed meanwhile was never attached, so its close had nothing to undo.
    if (conn.ws.readyState !== 1) throw new AppError('unauthenticated', 'The socket closed.');
    this.actors.set(conn, actor);
    this.pending.delete(conn);
    conn.userId = actor.userId;
    conn.sessionId = actor.sessionId;
    const first = this.hub.attach(
      conn,
      rooms.map((r) => r.id),
    );
    if (first) this.announcePresence(actor.userId, this.smallRooms(rooms), true);
    return {
      user,
      sessionId: actor.sessionId,
      serverVersion: PROTOCOL_VERSION,
      roomIds: rooms.map((r) => r.id),
      heartbeatMs: this.deps.config.heartbeatMs,
      limits: {
        uploadMaxBytes: this.deps.config.uploadMaxBytes,
        maxAttachments: Limits.maxAttachments,
        maxMessageChars: Limits.maxMessageChars,
      },
    };
  }

  /** Presence is pushed only to rooms small enough for it (ROUNDS_PRESENCE_PUSH_MAX). */
  private smallRooms(rooms: { id: string; memberCount: number }[]): string[] {
    return rooms.filter((r) => r.memberCount <= this.deps.config.presencePushMax).map((r) => r.id);
  }

  private announcePresence(userId: string, roomIds: readonly string[], online: boolean): void {
    for (const roomId of roomIds)
      announce(this.deps, { audience: { room: roomId }, event: { type: 'presence', roomId, userId, online } });
  }

  private onClose(conn: Connection): void {
    this.pending.delete(conn);
    if (!conn.authenticated) return;
    const last = this.hub.detach(conn);
    if (!last || this.draining) return;
    // The user may still be connected to another node; and their rooms may have changed since hello.
    const userId = conn.userId;
    void Promise.all([this.hub.online([userId]), this.opts.loadRooms(this.deps, userId)])
      .then(([online, rooms]) => {
        if (!online.has(userId)) this.announcePresence(userId, this.smallRooms(rooms), false);
      })
      .catch((err) => this.deps.log.warn({ err }, 'presence announcement failed'));
  }

  private sendError(conn: Connection, ref: string | number | undefined, err: unknown): void {
    let code: ErrorCode = 'internal';
    let message = 'Something went wrong on our side.';
    let details: unknown;
    const known = err instanceof AppError ? err : storageFullError(this.deps, err);
    if (known) {
      ({ code, message, details } = known);
    } else {
      this.deps.log.error({ err }, 'socket command failed');
    }
    const error = details === undefined ? { code, message } : { code, message, details };
    conn.sendJson(ref === undefined ? { type: 'error', error } : { type: 'error', ref, error });
  }

  private closeLateSockets(): void {
    const now = Date.now();
    for (const [conn, deadline] of this.pending) {
      if (deadline < now) {
        this.pending.delete(conn);
        conn.ws.close(4000, 'hello timeout');
      }
    }
  }

  private tick = 0;

  private beat(): void {
    const slice = this.tick++ % HEARTBEAT_SLICES;
    for (const conn of this.hub.connections()) {
      if (conn.slot !== slice) continue;
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }

  /** Stops accepting sockets and tells every client to reconnect elsewhere. */
  drain(retryAfterMs = 1000): void {
    this.draining = true;
    this.hub.broadcastLocal({ type: 'reconnect', reason: 'server shutting down', retryAfterMs });
  }

  /** Closes every socket (after drain). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.helloSweep);
    for (const conn of [...this.hub.connections()]) conn.ws.close(1012, 'server restart');
    for (const conn of this.pending.keys()) conn.ws.close(1012, 'server restart');
    this.wss.close();
  }
}

/** Names a client's unknown `type` without echoing it whole: it may be deeply nested or huge (issue 11). */
function describeType(type: unknown): string {
  if (typeof type === 'string') return JSON.stringify(type.length > 64 ? `${type.slice(0, 64)}…` : type);
  if (type === undefined) return '(missing)';
  return `of JSON type ${type === null ? 'null' : Array.isArray(type) ? 'array' : typeof type}`;
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
