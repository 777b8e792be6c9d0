import { type AckDataFor, type ClientCommandType, PROTOCOL_VERSION, type ServerEvent } from '@rounds/protocol';
import { parseFrame } from './parse-frame';
import { Requests } from './requests';
import { setServerLimits } from './server-limits';
import {
  CLOSE_HEARTBEAT,
  CLOSE_SERVER_ASKED,
  CLOSE_SESSION_REVOKED,
  type ConnState,
  connectionStore,
  type HelloResult,
  type Payload,
  SocketError,
} from './socket-types';

export type ConnectionOptions = {
  url: () => string;
  WebSocketImpl?: new (url: string) => WebSocket;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  requestTimeoutMs?: number;
};

/** What the connection reports to the socket layer above it. */
export type ConnectionListener = {
  /** The hello was acknowledged. `current()` turns false once this connection is gone. */
  online(result: HelloResult, current: () => boolean): Promise<void>;
  /** The connection is gone (dropped, closed, or asked to move); commands in flight have failed. */
  offline(): void;
  /** A server event (seq'd or ephemeral), parsed with the protocol schema. */
  event(event: ServerEvent): void;
  /** The server may have lost live events: sync these rooms (null: every stream). */
  resync(roomIds: string[] | null): void;
  /** The session is gone or the version refused: the connection stopped for good. */
  authFailed(): void;
  /** Another reconnect was scheduled; `failures` counts them since the last hello. */
  retrying(failures: number): void;
};

/**
 * The one WebSocket: connect, hello, heartbeat, reconnect with backoff, frame parsing with the protocol
 * schemas, and commands matched to their `ack`/`error` by ref. It knows nothing of streams or the outbox.
 */
export class Connection {
  private ws: WebSocket | undefined;
  private readonly requests: Requests;
  private attempt = 0;
  private stopped = true;
  private online = false;
  /** The signed-in user and this socket's session, from hello (to recognise our own messages and revocation). */
  userId = '';
  sessionId = '';
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastRx = 0;

  constructor(
    private readonly opts: ConnectionOptions,
    private readonly listener: ConnectionListener,
  ) {
    this.requests = new Requests(opts.requestTimeoutMs ?? 15_000);
  }

  get isOnline(): boolean {
    return this.online;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.ws?.close(1000, 'bye');
    this.teardown();
    connectionStore.set({ state: 'idle', everOnline: false });
  }

  /** Reconnect now instead of waiting for the backoff (the browser came back online). */
  retryNow(): void {
    if (this.stopped || this.ws) return;
    clearTimeout(this.reconnectTimer);
    this.connect();
  }

  /** Sends a command and resolves with its `ack` data. Rejects with SocketError. */
  request<T extends ClientCommandType>(type: T, payload: Payload<T>, timeoutMs?: number): Promise<AckDataFor<T>> {
    const ws = this.ws;
    if (ws?.readyState !== 1 || (!this.online && type !== 'hello')) {
      return Promise.reject(new SocketError('disconnected', 'not connected'));
    }
    return this.requests.send(ws, type, payload, timeoutMs);
  }

  private connect(): void {
    this.setState(connectionStore.get().everOnline ? 'reconnecting' : 'connecting');
    const Impl = this.opts.WebSocketImpl ?? WebSocket;
    let ws: WebSocket;
    try {
      ws = new Impl(this.opts.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => void this.hello(ws);
    ws.onmessage = (ev: MessageEvent) => {
      if (ws === this.ws) this.handleFrame(String(ev.data));
    };
    ws.onerror = () => {};
    ws.onclose = (ev: CloseEvent) => {
      if (ws !== this.ws) return;
      this.teardown();
      if (ev.code === CLOSE_SESSION_REVOKED) {
        this.stopped = true;
        this.listener.authFailed();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private async hello(ws: WebSocket): Promise<void> {
    let result: HelloResult;
    try {
      result = await this.request('hello', { version: PROTOCOL_VERSION });
    } catch (err) {
      if (err instanceof SocketError && (err.code === 'unauthenticated' || err.code === 'unsupported_version')) {
        this.stopped = true;
        ws.close();
        this.listener.authFailed();
      } else ws.close();
      return;
    }
    if (ws !== this.ws) return;
    this.online = true;
    this.attempt = 0;
    this.userId = result.user.id;
    this.sessionId = result.sessionId;
    this.startHeartbeat(result.heartbeatMs);
    setServerLimits(result.limits);
    connectionStore.set({ state: 'online', everOnline: true });
    await this.listener.online(result, () => this.online && ws === this.ws);
  }

  private handleFrame(text: string): void {
    this.lastRx = Date.now();
    const frame = parseFrame(text);
    if (!frame) return;
    switch (frame.type) {
      case 'ack':
      case 'error':
        this.requests.settle(frame);
        return;
      case 'reconnect':
        this.ws?.close(CLOSE_SERVER_ASKED, 'server asked');
        this.teardown();
        this.scheduleReconnect(frame.retryAfterMs);
        return;
      case 'resync':
        this.listener.resync(frame.roomIds);
        return;
      default:
        this.listener.event(frame);
    }
  }

  private startHeartbeat(ms: number): void {
    clearInterval(this.heartbeat);
    this.lastRx = Date.now();
    const every = Math.max(1000, ms);
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastRx < every) return;
      const ws = this.ws;
      this.request('ping', {}, 2 * every).catch(() => {
        if (ws === this.ws) ws?.close(CLOSE_HEARTBEAT, 'heartbeat');
      });
    }, every / 2);
  }

  private teardown(): void {
    this.online = false;
    this.ws = undefined;
    clearInterval(this.heartbeat);
    this.requests.failAll();
    this.listener.offline();
  }

  private scheduleReconnect(delayMs?: number): void {
    if (this.stopped) return;
    this.setState(connectionStore.get().everOnline ? 'reconnecting' : 'connecting');
    const base = this.opts.backoffBaseMs ?? 500;
    const max = this.opts.backoffMaxMs ?? 8000;
    const backoff = Math.min(max, base * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt++;
    this.listener.retrying(this.attempt);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs ?? backoff);
  }

  private setState(state: ConnState): void {
    connectionStore.set((s) => (s.state === state ? s : { ...s, state }));
  }
}
