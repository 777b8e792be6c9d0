import { type AckDataFor, type ClientCommandType, type ServerEvent, streamOf } from '@rounds/protocol';
import { Connection, type ConnectionOptions } from './connection';
import { type EventRegistry, events } from './event-registry';
import { type FallbackOptions, HttpFallback, httpTransport } from './http-fallback';
import type { OutboxAttachment } from './outbox';
import { OutboxSender, type SendChannel } from './outbox-sender';
import type { SeqTracker } from './seq-tracker';
import { type HelloResult, isRoomEvent, type Payload } from './socket-types';
import { StreamSync, type SyncRequest } from './stream-sync';

/** The session lifecycle, as the socket sees it (features/auth wires these). */
export type SocketHooks = {
  /** After hello: refresh what the features need (e.g. the room list, which calls `track`). */
  onHello(result: HelloResult): Promise<void> | void;
  /** The session is gone (signed out elsewhere, revoked). */
  onAuthFailed(): void;
  /** Several attempts in a row failed: the session may be gone (an upgrade refused with 401). */
  onConnectFailing(): void;
};

export type SocketOptions = ConnectionOptions & {
  /** Where events go once ordered (default: the app's registry). */
  events?: EventRegistry;
  /** HTTP stand-ins used while the socket cannot connect (see lib/http-fallback.ts). */
  fallback?: FallbackOptions;
};

/**
 * The socket layer, assembled: the connection, per-stream ordering and sync, the outbox sender and the
 * HTTP fallback, each in its own module; this class routes between them and is what features call.
 */
export class RoundsSocket {
  private hooks: SocketHooks | undefined;
  private readonly events: EventRegistry;
  private readonly conn: Connection;
  private readonly streams: StreamSync;
  private readonly outbox: OutboxSender;
  private readonly fallback: HttpFallback | undefined;

  constructor(opts: SocketOptions) {
    this.events = opts.events ?? events;
    this.conn = new Connection(opts, {
      online: (result, current) => this.online(result, current),
      offline: () => {
        this.streams.abort();
        this.outbox.requeue();
      },
      event: (e) => this.receive(e),
      // Every stream is a room today, so a room id is its stream's key.
      resync: (roomIds) => {
        for (const s of roomIds ?? this.streams.tracker.streams()) void this.streams.sync(s);
      },
      authFailed: () => this.hooks?.onAuthFailed(),
      retrying: (failures) => {
        if (failures % 3 === 0) this.hooks?.onConnectFailing();
        this.fallback?.connectFailed(failures);
      },
    });
    this.streams = new StreamSync({
      fetch: (req) => this.fetchSync(req),
      deliver: (e, asOf) => {
        this.outbox.seen(e, this.conn.userId);
        this.events.dispatch(e, asOf);
      },
      reset: (stream) => this.events.streamReset(stream),
    });
    this.outbox = new OutboxSender(() => this.channel());
    this.fallback = opts.fallback && new HttpFallback(opts.fallback, () => this.poll());
  }

  setHooks(hooks: SocketHooks): void {
    this.hooks = hooks;
  }

  /** Stream positions (read by tests and diagnostics). */
  get tracker(): SeqTracker {
    return this.streams.tracker;
  }

  get isOnline(): boolean {
    return this.conn.isOnline;
  }

  /** This socket's session, from hello (to recognise our own revocation). */
  get sessionId(): string {
    return this.conn.sessionId;
  }

  start(): void {
    this.conn.start();
  }

  /** Closes for good (sign-out): forgets positions and the outbox. */
  stop(): void {
    this.fallback?.stop();
    this.conn.stop();
    this.streams.forgetAll();
    this.outbox.forget();
  }

  /** Reconnect now instead of waiting for the backoff (the browser came back online). */
  retryNow(): void {
    this.conn.retryNow();
  }

  /** Sends a command and resolves with its `ack` data. Rejects with SocketError. */
  request<T extends ClientCommandType>(type: T, payload: Payload<T>, timeoutMs?: number): Promise<AckDataFor<T>> {
    return this.conn.request(type, payload, timeoutMs);
  }

  /** Queues a message in the outbox and sends it when connected; returns its client id. */
  sendMessage(roomId: string, body: string, threadRootId: string | null, attachments: OutboxAttachment[] = []): string {
    return this.outbox.send(roomId, body, threadRootId, attachments);
  }

  /** Re-sends a failed outbox entry with the same client id. */
  retry(clientMsgId: string): void {
    this.outbox.retry(clientMsgId);
  }

  /** Starts following a stream at `seq` (from the room list) and catches up if connected. */
  track(stream: string, seq: number): void {
    if (this.streams.track(stream, seq) && this.reachable()) void this.streams.sync(stream);
  }

  untrack(stream: string): void {
    this.streams.untrack(stream);
  }

  /** Fetches and applies everything after the stream's last applied seq (over HTTP while polling). */
  syncStream(stream: string): Promise<void> {
    return this.streams.sync(stream);
  }

  private async online(result: HelloResult, current: () => boolean): Promise<void> {
    this.fallback?.stop();
    // Rooms not listed were left (or we were removed) while we were away; every stream is a room today.
    this.streams.retain(result.roomIds);
    try {
      await this.hooks?.onHello(result);
    } catch (err) {
      console.warn('hello hook failed', err);
    }
    // Catch up every stream first, so a message that did commit before the drop is seen (and leaves the
    // outbox) before the outbox is re-sent; the server deduplicates by clientMsgId anyway.
    await this.streams.syncAll();
    if (current()) this.outbox.flush();
  }

  private receive(e: ServerEvent): void {
    if (isRoomEvent(e)) this.streams.apply(e);
    else this.events.dispatch(e);
  }

  /** Online, or polling over HTTP: a sync or a send can go now. */
  private reachable(): boolean {
    return this.conn.isOnline || !!this.fallback?.polling;
  }

  private fetchSync(req: SyncRequest): Promise<AckDataFor<'sync'>> {
    if (this.conn.isOnline || !this.fallback) return this.request('sync', req);
    return this.fallback.transport.sync(req);
  }

  private channel(): SendChannel | undefined {
    const fallback = this.fallback;
    if (this.conn.isOnline) return { send: (p) => this.request('message.send', p), open: () => this.conn.isOnline };
    if (!fallback?.polling) return undefined;
    return {
      send: async ({ roomId, ...body }) => {
        const sent = await fallback.transport.send(String(roomId), body);
        // Show it now (the event takes it out of the outbox) rather than at the next poll.
        await this.streams.sync(streamOf({ roomId: String(roomId) }));
        return sent;
      },
      open: () => fallback.polling && !this.conn.isOnline,
    };
  }

  private poll(): void {
    if (this.conn.isOnline || this.conn.isStopped) {
      this.fallback?.stop();
      return;
    }
    void this.streams.syncAll();
    this.outbox.flush();
  }
}

function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/socket`;
}

/** The one socket of the app. Components never use it directly: features' actions do. */
export const socket = new RoundsSocket({ url: socketUrl, fallback: { transport: httpTransport } });
