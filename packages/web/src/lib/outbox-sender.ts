import type { RoomEvent } from '@rounds/protocol';
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

/** How a message gets to the server right now: over the socket, or over HTTP while the fallback polls. */
export type SendChannel = {
  send(payload: Record<string, unknown>): Promise<unknown>;
  /** Whether this channel is still the one to use (a retry after a delay checks it). */
  open(): boolean;
};

/**
 * Sends the outbox (lib/outbox.ts keeps it and its saved copy) through whichever channel is up, with the
 * entries' client ids, so a resend is never a duplicate. `channel()` is undefined while nothing is up:
 * entries then wait for the next flush.
 */
export class OutboxSender {
  constructor(private readonly channel: () => SendChannel | undefined) {}

  /** Queues a message and sends it when a channel is up; returns its client id. */
  send(roomId: string, body: string, threadRootId: string | null, attachments: OutboxAttachment[] = []): string {
    const entry = addToOutbox({
      clientMsgId: newClientMsgId(),
      roomId,
      body,
      threadRootId,
      ...(attachments.length ? { attachments } : {}),
    });
    this.transmit(entry);
    return entry.clientMsgId;
  }

  /** Re-sends a failed entry with the same client id. */
  retry(clientMsgId: string): void {
    const entry = findInOutbox(clientMsgId);
    if (!entry) return;
    setOutboxStatus(clientMsgId, 'queued');
    this.transmit({ ...entry, status: 'queued' });
  }

  /** Sends every entry waiting to go, oldest first (after a hello, at each poll). */
  flush(): void {
    for (const entry of resendable()) this.transmit(entry);
  }

  /** The channel dropped: entries in flight go back to the queue (the server deduplicates a resend). */
  requeue(): void {
    for (const e of outboxStore.get()) if (e.status === 'sending') setOutboxStatus(e.clientMsgId, 'queued');
  }

  /** My message arrived as an event: it is no longer pending, whichever way it was sent. */
  seen(e: RoomEvent, myId: string): void {
    if (e.type === 'message.created' && e.message.senderId === myId) removeFromOutbox(e.message.clientMsgId);
  }

  /** Sign-out: the outbox and its saved copy go. */
  forget(): void {
    forgetOutbox();
  }

  private transmit(entry: OutboxEntry): void {
    const channel = this.channel();
    if (channel) transmitEntry(entry, channel.send, channel.open);
  }
}
