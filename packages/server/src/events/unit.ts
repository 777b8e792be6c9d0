import type { ServerEvent } from '@rounds/protocol';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Audience, Envelope, EventBus } from './bus';

/**
 * The events one unit of work will announce once it commits. Recorded in order, except that
 * `subscribe` entries go first and `unsubscribe` entries last: a joiner's sockets are subscribed before
 * their room hears member.joined (so they get it too), and a leaver's sockets hear member.left before
 * they are unsubscribed.
 */
export class Outbox {
  private readonly first: Envelope[] = [];
  private readonly middle: Envelope[] = [];
  private readonly last: Envelope[] = [];

  /** An event for an audience. */
  add(audience: Audience, event: ServerEvent): void {
    this.middle.push({ audience, event });
  }

  /** A room event (it carries its roomId). */
  room<E extends ServerEvent & { roomId: string }>(event: E): E {
    this.middle.push({ audience: { room: event.roomId }, event });
    return event;
  }

  /** Subscribes a user's sockets to a room (they joined). */
  subscribe(userId: string, roomId: string): void {
    this.first.push({ audience: { user: userId }, event: { type: 'membership.changed', roomId, joined: true } });
  }

  /** Unsubscribes a user's sockets from a room (they left or were removed). */
  unsubscribe(userId: string, roomId: string): void {
    this.last.push({ audience: { user: userId }, event: { type: 'membership.changed', roomId, joined: false } });
  }

  get envelopes(): Envelope[] {
    return [...this.first, ...this.middle, ...this.last];
  }
}

type UnitDeps = { db: Kysely<DB>; bus: EventBus };

/**
 * Runs `work` in one transaction and hands the events it recorded to the bus after COMMIT. A rollback
 * (a throw) publishes nothing. This and the message batcher are the only callers of `bus.publish` for
 * stored changes.
 */
export async function inUnit<T>(deps: UnitDeps, work: (trx: Transaction<DB>, out: Outbox) => Promise<T>): Promise<T> {
  const out = new Outbox();
  const result = await deps.db.transaction().execute((trx) => work(trx, out));
  deps.bus.publish(out.envelopes);
  return result;
}

/** Announces events of a change that has no transaction (typing, read markers, revoked sessions). */
export function announce(deps: { bus: EventBus }, ...envelopes: Envelope[]): void {
  deps.bus.publish(envelopes);
}
