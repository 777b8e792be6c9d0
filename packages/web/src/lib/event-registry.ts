import type { RoomEventType, ServerEvent } from '@rounds/protocol';

type EventType = ServerEvent['type'];
type EventOf<T extends EventType> = Extract<ServerEvent, { type: T }>;

/**
 * A handler for the event types `T`. Seq'd (room) events also get `asOf`: the seq the event's snapshot
 * reflects (its own seq live, the sync's `lastSeq` when replayed; PROTOCOL §8.3). Not distributive, so a
 * handler for several types receives the union of their events.
 */
type Handler<T extends EventType> = [T] extends [RoomEventType]
  ? (event: EventOf<T>, asOf: number) => void
  : (event: EventOf<T>) => void;

type AnyHandler = (event: ServerEvent, asOf?: number) => void;

/**
 * Where features subscribe to what the socket receives: each feature registers handlers for the event
 * types it keeps state for (features/<f>/events.ts), so the socket layer imports no feature. Handlers of
 * one type run in registration order, which features/events.ts fixes where it matters.
 */
export class EventRegistry {
  private readonly handlers = new Map<EventType, AnyHandler[]>();
  private readonly resets: ((stream: string) => void)[] = [];

  /** Calls `handler` for every event of the given type(s). */
  on<T extends EventType>(types: T | readonly T[], handler: Handler<T>): void {
    for (const type of typeof types === 'string' ? [types] : types) {
      const list = this.handlers.get(type) ?? [];
      list.push(handler as AnyHandler);
      this.handlers.set(type, list);
    }
  }

  /** Calls `handler` when a stream's earlier events can no longer be replayed (reload it from REST). */
  onStreamReset(handler: (stream: string) => void): void {
    this.resets.push(handler);
  }

  /** Hands an event to its handlers; `asOf` is given for seq'd events only (the socket's StreamSync sets it). */
  dispatch(event: ServerEvent, asOf?: number): void {
    for (const handler of this.handlers.get(event.type) ?? []) {
      if (asOf === undefined) handler(event);
      else handler(event, asOf);
    }
  }

  streamReset(stream: string): void {
    for (const handler of this.resets) handler(stream);
  }
}

/** The app's one registry: the socket dispatches into it, the features' events.ts modules register with it. */
export const events = new EventRegistry();
