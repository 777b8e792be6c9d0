import {
  type AckDataFor,
  type ClientCommandType,
  type EphemeralEvent,
  PROTOCOL_VERSION,
  type RoomEvent,
  ServerFrame,
} from '@rounds/protocol';
import { api } from './api';
import {
  addToOutbox,
  findInOutbox,
  forgetOutbox,
  newClientMsgId,
  type OutboxAttachment,
  type OutboxEntry,
  outboxStore,
  removeFromOutbox,
  resendable,
  setOutboxStatus,
  transmitEntry,
} from './outbox';
import { Requests } from './requests';
import { SeqTracker } from './seq-tracker';
import { setServerLimits } from './server-limits';
import {
  CLOSE_HEARTBEAT,
  CLOSE_SERVER_ASKED,
  CLOSE_SESSION_REVOKED,
  type ConnState,
  connectionStore,
  type HelloResult,
  type Payload,
  ROOM_EVENT_TYPES,
  SocketError,
  type SocketHooks,
  type SocketOptions,
} from './socket-types';

export class RoundsSocket {
  readonly tracker = new SeqTracker();
  private hooks: SocketHooks | undefined;
  private ws: WebSocket | undefined;
  private readonly requests: Requests;
  private attempt = 0;
  private stopped = true;
  private online = false;
  private me = '';
  /** This socket's session, from hello (to recognise our own revocation). */
  sessionId = '';
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastRx = 0;
  private readonly syncing = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Set while the HTTP fallback polls (the socket could not connect). */
  private pollTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly opts: SocketOptions) {
    this.requests = new Requests(opts.requestTimeoutMs ?? 15_000);
  }

  setHooks(hooks: SocketHooks): void {
    this.hooks = hooks;
  }

  get isOnline(): boolean {
    return this.online;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  /** Closes for good (sign-out): forgets positions and the outbox. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.stopPolling();
    this.ws?.close(1000, 'bye');
    this.teardown();
    for (const [room] of this.tracker.rooms()) this.tracker.untrack(room);
    forgetOutbox();
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

  /** Queues a message in the outbox and sends it when connected; returns its client id. */
  sendMessage(roomId: string, body: string, threadRootId: string | null, attachments: OutboxAttachment[] = []): string {
    const entry = addToOutbox({
      clientMsgId: newClientMsgId(),
      roomId,
      body,
      threadRootId,
      ...(attachments.length ? { attachments } : {}),
    });
    if (this.online || this.pollTimer) this.transmit(entry);
    return entry.clientMsgId;
  }

  /** Re-sends a failed outbox entry with the same client id. */
  retry(clientMsgId: string): void {
    const entry = findInOutbox(clientMsgId);
    if (!entry) return;
    setOutboxStatus(clientMsgId, 'queued');
    if (this.online || this.pollTimer) this.transmit({ ...entry, status: 'queued' });
  }

  /** Starts tracking a room's stream at `seq` (from the room list) and catches up if connected. */
  track(roomId: string, seq: number): void {
    const known = this.tracker.has(roomId);
    this.tracker.track(roomId, seq);
    if (!known && (this.online || this.pollTimer)) void this.syncRoom(roomId);
  }

  untrack(roomId: string): void {
    this.tracker.untrack(roomId);
  }

  /** Fetches and applies everything after the room's last applied seq, repeating while `hasMore`. */
  async syncRoom(roomId: string): Promise<void> {
    if (this.syncing.has(roomId)) {
      this.dirty.add(roomId);
      return;
    }
    this.syncing.add(roomId);
    try {
      do {
        this.dirty.delete(roomId);
        let more = true;
        while (more && this.tracker.has(roomId)) {
          const afterSeq = this.tracker.lastSeq(roomId) ?? 0;
          const r = this.online
            ? await this.request('sync', { roomId, afterSeq, limit: 500 })
            : await this.viaHttp().sync(roomId, afterSeq, 500);
          if (r.lastSeq < afterSeq) {
            // Our position is from another server or from before a restore: start over from REST.
            this.tracker.untrack(roomId);
            this.tracker.track(roomId, r.lastSeq);
            this.hooks?.onRoomReset(roomId);
            break;
          }
          for (const e of r.events) this.applyRoomEvent(e, r.lastSeq);
          more = r.hasMore && r.events.length > 0;
        }
      } while (this.dirty.has(roomId));
    } catch (err) {
      if (!(err instanceof SocketError && err.code === 'disconnected')) console.warn('sync failed', roomId, err);
    } finally {
      this.syncing.delete(roomId);
    }
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
        this.hooks?.onAuthFailed();
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
        this.hooks?.onAuthFailed();
      } else ws.close();
      return;
    }
    if (ws !== this.ws) return;
    this.online = true;
    this.attempt = 0;
    this.stopPolling();
    this.me = result.user.id;
    this.sessionId = result.sessionId;
    this.startHeartbeat(result.heartbeatMs);
    setServerLimits(result.limits);
    // Rooms not listed were left (or we were removed) while we were away.
    const listed = new Set(result.roomIds);
    for (const [roomId] of this.tracker.rooms()) if (!listed.has(roomId)) this.tracker.untrack(roomId);
    connectionStore.set({ state: 'online', everOnline: true });
    try {
      await this.hooks?.onHello(result);
    } catch (err) {
      console.warn('hello hook failed', err);
    }
    // Catch up every room first, so a message that did commit before the drop is seen (and leaves the
    // outbox) before the outbox is re-sent; the server deduplicates by clientMsgId anyway.
    await Promise.all(this.tracker.rooms().map(([roomId]) => this.syncRoom(roomId)));
    for (const entry of resendable()) if (this.online && ws === this.ws) this.transmit(entry);
  }

  private transmit(entry: OutboxEntry): void {
    if (!this.online && this.pollTimer) {
      transmitEntry(
        entry,
        async ({ roomId, ...body }) => {
          const sent = await this.viaHttp().send(String(roomId), body);
          // Show it now (the event takes it out of the outbox) rather than at the next poll.
          await this.syncRoom(String(roomId));
          return sent;
        },
        () => !!this.pollTimer && !this.online,
      );
      return;
    }
    transmitEntry(
      entry,
      (payload) => this.request('message.send', payload),
      () => this.online,
    );
  }

  /**
   * The HTTP fallback: while the socket cannot connect, every few seconds the tracked rooms are synced
   * over GET /rooms/:id/events and the outbox is sent over POST /rooms/:id/messages (with the same client
   * ids, so nothing is posted twice when the socket comes back). Ephemeral events (typing, presence) wait
   * for the socket.
   */
  private startPolling(): void {
    if (this.pollTimer || this.stopped || !this.opts.fallback) return;
    const poll = () => {
      if (this.online || this.stopped) return this.stopPolling();
      for (const [roomId] of this.tracker.rooms()) void this.syncRoom(roomId);
      for (const entry of resendable()) if (entry.status === 'queued') this.transmit(entry);
    };
    this.pollTimer = setInterval(poll, this.opts.fallback.pollMs ?? 5000);
    connectionStore.set((s) => ({ ...s, polling: true }));
    poll();
  }

  private stopPolling(): void {
    if (!this.pollTimer) return;
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    connectionStore.set((s) => ({ ...s, polling: false }));
  }

  private viaHttp(): NonNullable<SocketOptions['fallback']> {
    const fallback = this.opts.fallback;
    if (!fallback) throw new SocketError('disconnected', 'not connected');
    return fallback;
  }

  private handleFrame(text: string): void {
    this.lastRx = Date.now();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      console.warn('unparseable frame');
      return;
    }
    const parsed = ServerFrame.safeParse(raw);
    if (!parsed.success) {
      console.warn('frame does not match the protocol', raw, parsed.error.issues);
      return;
    }
    const frame = parsed.data;
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
      case 'resync': {
        const rooms = frame.roomIds ?? this.tracker.rooms().map(([r]) => r);
        for (const r of rooms) void this.syncRoom(r);
        return;
      }
      default:
        if (ROOM_EVENT_TYPES.has(frame.type)) this.applyRoomEvent(frame as RoomEvent);
        else this.hooks?.onEphemeral(frame as EphemeralEvent);
    }
  }

  /**
   * Applies a room event once, in order; a live gap triggers a sync (which replays the skipped events).
   * `syncLastSeq` is set for events replayed by a sync.
   */
  private applyRoomEvent(e: RoomEvent, syncLastSeq?: number): void {
    const verdict = this.tracker.classify(e.roomId, e.seq);
    if (verdict === 'duplicate') return;
    if (verdict === 'gap' && syncLastSeq === undefined) {
      void this.syncRoom(e.roomId);
      return;
    }
    this.tracker.applied(e.roomId, e.seq);
    if (e.type === 'message.created' && e.message.senderId === this.me) removeFromOutbox(e.message.clientMsgId);
    this.hooks?.onRoomEvent(e, syncLastSeq ?? e.seq);
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
    const wasOnline = this.online;
    this.online = false;
    this.ws = undefined;
    clearInterval(this.heartbeat);
    this.requests.failAll();
    this.syncing.clear();
    if (wasOnline || !this.stopped) {
      for (const e of outboxStore.get()) if (e.status === 'sending') setOutboxStatus(e.clientMsgId, 'queued');
    }
  }

  private scheduleReconnect(delayMs?: number): void {
    if (this.stopped) return;
    this.setState(connectionStore.get().everOnline ? 'reconnecting' : 'connecting');
    const base = this.opts.backoffBaseMs ?? 500;
    const max = this.opts.backoffMaxMs ?? 8000;
    const backoff = Math.min(max, base * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt++;
    if (this.attempt % 3 === 0) this.hooks?.onConnectFailing();
    if (this.opts.fallback && this.attempt >= (this.opts.fallback.afterAttempts ?? 3)) this.startPolling();
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.connect(), delayMs ?? backoff);
  }

  private setState(state: ConnState): void {
    connectionStore.set((s) => (s.state === state ? s : { ...s, state }));
  }
}

function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/socket`;
}

/** The one socket of the app. Components never use it directly: features' actions do. */
export const socket = new RoundsSocket({
  url: socketUrl,
  fallback: {
    sync: (roomId, afterSeq, limit) =>
      api.get(`/rooms/${encodeURIComponent(roomId)}/events?afterSeq=${afterSeq}&limit=${limit}`),
    send: (roomId, body) => api.post(`/rooms/${encodeURIComponent(roomId)}/messages`, body),
  },
});
