import {
  type AckData,
  type ClientCommandType,
  type ErrorBody,
  RoomEvent,
  type RoomEventType,
  type ServerEvent,
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

/** Close codes: the server's for a revoked session (do not reconnect), ours for a dead or moved connection. */
export const CLOSE_SESSION_REVOKED = 4001;
export const CLOSE_HEARTBEAT = 3001;
export const CLOSE_SERVER_ASKED = 3000;

/** The seq'd event types: ordered per stream; every other event is ephemeral. */
export const ROOM_EVENT_TYPES: readonly RoomEventType[] = RoomEvent.options.map((o) => o.shape.type.value);
const roomEventTypes = new Set<string>(ROOM_EVENT_TYPES);
export const isRoomEvent = (e: ServerEvent): e is RoomEvent => roomEventTypes.has(e.type);
