import {
  type AckData,
  type AckDataFor,
  type ClientCommandType,
  type EphemeralEvent,
  type ErrorBody,
  RoomEvent,
} from '@rounds/protocol';
import type { z } from 'zod';
import { createStore } from './store';

/** `connecting`: first attempt; `online`: hello acknowledged; `reconnecting`: lost, retrying with backoff. */
export type ConnState = 'idle' | 'connecting' | 'online' | 'reconnecting';
export const connectionStore = createStore<{ state: ConnState; everOnline: boolean; polling?: boolean }>({
  state: 'idle',
  everOnline: false,
});

export type HelloResult = z.infer<typeof AckData.hello>;

/** What the socket module calls into: the dispatch table (src/lib/dispatch.ts) wires these to features. */
export type SocketHooks = {
  /**
   * A room event, after duplicates were dropped and gaps filled, in seq order. `asOf` is the seq the
   * event's message snapshot reflects: its own seq live, the sync's `lastSeq` when replayed (PROTOCOL §8.3).
   */
  onRoomEvent(event: RoomEvent, asOf: number): void;
  onEphemeral(event: EphemeralEvent): void;
  /** After hello: refresh what the features need (e.g. the room list, which calls `track`). */
  onHello(result: HelloResult): Promise<void> | void;
  /** The session is gone (signed out elsewhere, revoked). */
  onAuthFailed(): void;
  /** Events before the room's seq can no longer be replayed: reload it from REST. */
  onRoomReset(roomId: string): void;
  /** Several attempts in a row failed: the session may be gone (an upgrade refused with 401). */
  onConnectFailing(): void;
};

/** A command that failed: an `error` frame from the server, or `disconnected` / `timeout` locally. */
export class SocketError extends Error {
  constructor(
    readonly code: ErrorBody['code'] | 'disconnected' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'SocketError';
  }
}

export type Pending = {
  type: ClientCommandType;
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
};
export type Payload<T extends ClientCommandType> = Record<string, unknown> & { __t?: T };

export type SocketOptions = {
  url: () => string;
  WebSocketImpl?: new (url: string) => WebSocket;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  requestTimeoutMs?: number;
  /**
   * HTTP stand-ins used while the socket cannot connect (a proxy that blocks WebSockets, a flaky network):
   * the tracked rooms are synced and the outbox is sent through them every `pollMs`.
   */
  fallback?: {
    sync(roomId: string, afterSeq: number, limit: number): Promise<AckDataFor<'sync'>>;
    send(roomId: string, payload: Record<string, unknown>): Promise<unknown>;
    /** Connection attempts that must fail before it starts (default 3). */
    afterAttempts?: number;
    pollMs?: number;
  };
};

/** Close codes: the server's for a revoked session (do not reconnect), ours for a dead or moved connection. */
export const CLOSE_SESSION_REVOKED = 4001;
export const CLOSE_HEARTBEAT = 3001;
export const CLOSE_SERVER_ASKED = 3000;

export const ROOM_EVENT_TYPES = new Set<string>(RoomEvent.options.map((o) => o.shape.type.value));
