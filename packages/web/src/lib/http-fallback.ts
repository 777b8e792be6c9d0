import { type AckDataFor, contracts, type SendMessageBody } from '@rounds/protocol';
import { call } from './api';
import { connectionStore } from './socket-types';
import type { SyncRequest } from './stream-sync';

/** The HTTP twins of the socket's `sync` and `message.send`, used while the socket cannot connect. */
export type HttpTransport = {
  sync(request: SyncRequest): Promise<AckDataFor<'sync'>>;
  send(roomId: string, payload: Record<string, unknown>): Promise<unknown>;
};

/** The REST calls of the socket layer, all here (GET /rooms/:id/events returns what `sync` does). */
export const httpTransport: HttpTransport = {
  sync: ({ roomId, afterSeq, limit }) =>
    call(contracts.messages.sync, { params: { roomId }, query: { afterSeq, ...(limit ? { limit } : {}) } }),
  send: (roomId, payload) => {
    // The socket's frame names the room; over REST it is in the path.
    const { roomId: _room, ...body } = payload;
    return call(contracts.messages.send, { params: { roomId }, body: body as unknown as SendMessageBody });
  },
};

export type FallbackOptions = {
  transport: HttpTransport;
  /** Connection attempts that must fail before it starts (default 3). */
  afterAttempts?: number;
  pollMs?: number;
};

/**
 * Polling while WebSockets are blocked (a proxy that refuses the upgrade, a flaky network): after a few
 * failed attempts, every `pollMs` the `poll` callback syncs the followed streams and sends the outbox over
 * HTTP (with the same client ids, so nothing is posted twice when the socket comes back). Ephemeral
 * events (typing, presence) wait for the socket.
 */
export class HttpFallback {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly opts: FallbackOptions,
    private readonly poll: () => void,
  ) {}

  get transport(): HttpTransport {
    return this.opts.transport;
  }

  get polling(): boolean {
    return this.timer !== undefined;
  }

  /** Another connection attempt failed: start polling once enough have in a row. */
  connectFailed(failures: number): void {
    if (failures >= (this.opts.afterAttempts ?? 3)) this.start();
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    connectionStore.set((s) => ({ ...s, polling: false }));
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(this.poll, this.opts.pollMs ?? 5000);
    connectionStore.set((s) => ({ ...s, polling: true }));
    this.poll();
  }
}
