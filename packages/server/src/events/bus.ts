import type { ServerEvent } from '@rounds/protocol';
import type { Logger } from 'pino';

/**
 * Who receives an event on the sockets: every socket subscribed to a room, to any of several rooms (a
 * stream addressed to many rooms: each socket is written once), or every socket of one user.
 */
export type Audience = { room: string } | { rooms: readonly string[] } | { user: string };

/** One committed event and where it goes. `local` events stay on this node (they are not sent to others). */
export type Envelope = { audience: Audience; event: ServerEvent; local?: true };

/**
 * Receives every batch of committed events, in commit order. Deliver synchronously and cheaply: work that
 * can fail or wait (e-mail, push) belongs in a durable job enqueued from here, not in the subscriber.
 */
export type Subscriber = { name: string; deliver(batch: readonly Envelope[]): void };

/**
 * The one door for events: a unit of work (events/unit.ts) or the message batcher hands its events here
 * after its transaction commits, and every subscriber (socket delivery first; later notifications, search,
 * audit, dashboards) sees them in the order they committed. Nothing else publishes. A subscriber that throws
 * is logged and skipped; the others still get the batch.
 */
export class EventBus {
  private readonly subscribers: Subscriber[] = [];

  constructor(private readonly log: Logger) {}

  subscribe(subscriber: Subscriber): void {
    this.subscribers.push(subscriber);
  }

  publish(batch: readonly Envelope[]): void {
    if (batch.length === 0) return;
    for (const s of this.subscribers) {
      try {
        s.deliver(batch);
      } catch (err) {
        this.log.error({ err, subscriber: s.name }, 'event subscriber failed');
      }
    }
  }
}
