import { type AckDataFor, type RoomEvent, streamOf } from '@rounds/protocol';
import { SeqTracker } from './seq-tracker';
import { SocketError } from './socket-types';

type SyncResult = AckDataFor<'sync'>;
/** The body of a `sync` command (and the query of its HTTP twin) for one stream. */
export type SyncRequest = { roomId: string; afterSeq: number; limit: number };

/**
 * The one place a stream's sync request is built, for the socket and the HTTP fallback alike. Today every
 * stream is a room, asked for as `sync {roomId}`; a stream addressed to many rooms (a lecture) will be
 * asked for by its streamId here, and nowhere else changes.
 */
export function syncRequest(stream: string, afterSeq: number): SyncRequest {
  return { roomId: stream, afterSeq, limit: 500 };
}

export type StreamSyncDeps = {
  /** Runs one sync request over whatever transport is up; rejects when none is. */
  fetch(request: SyncRequest): Promise<SyncResult>;
  /** An event to apply, in seq order, once. `asOf`: its own seq live, the sync's `lastSeq` when replayed. */
  deliver(event: RoomEvent, asOf: number): void;
  /** The stream's position is ahead of the server's: its earlier events can no longer be replayed. */
  reset(stream: string): void;
};

/**
 * Per-stream ordering: each seq'd event is applied once and in order (duplicates dropped), and a gap is
 * filled by syncing the stream from its last applied seq. Streams are keyed by `streamOf(event)`.
 */
export class StreamSync {
  readonly tracker = new SeqTracker();
  private readonly syncing = new Set<string>();
  /** Streams asked to sync again while a sync of theirs was running. */
  private readonly dirty = new Set<string>();

  constructor(private readonly deps: StreamSyncDeps) {}

  /** Starts following a stream at `seq`; true when it was not followed yet. */
  track(stream: string, seq: number): boolean {
    const known = this.tracker.has(stream);
    this.tracker.track(stream, seq);
    return !known;
  }

  untrack(stream: string): void {
    this.tracker.untrack(stream);
  }

  /** Forgets every stream not in `keep` (rooms left, or removed from, while disconnected). */
  retain(keep: Iterable<string>): void {
    const listed = new Set(keep);
    for (const stream of this.tracker.streams()) if (!listed.has(stream)) this.tracker.untrack(stream);
  }

  forgetAll(): void {
    for (const stream of this.tracker.streams()) this.tracker.untrack(stream);
  }

  /** The transport went away: syncs in flight fail, and the next one may start at once. */
  abort(): void {
    this.syncing.clear();
  }

  syncAll(): Promise<void> {
    return Promise.all(this.tracker.streams().map((s) => this.sync(s))).then(() => undefined);
  }

  /** Fetches and applies everything after the stream's last applied seq, repeating while `hasMore`. */
  async sync(stream: string): Promise<void> {
    if (this.syncing.has(stream)) {
      this.dirty.add(stream);
      return;
    }
    this.syncing.add(stream);
    try {
      do {
        this.dirty.delete(stream);
        let more = true;
        while (more && this.tracker.has(stream)) {
          const afterSeq = this.tracker.lastSeq(stream) ?? 0;
          const r = await this.deps.fetch(syncRequest(stream, afterSeq));
          if (r.lastSeq < afterSeq) {
            // Our position is from another server or from before a restore: start over from REST.
            this.tracker.untrack(stream);
            this.tracker.track(stream, r.lastSeq);
            this.deps.reset(stream);
            break;
          }
          for (const e of r.events) this.apply(e, r.lastSeq);
          more = r.hasMore && r.events.length > 0;
        }
      } while (this.dirty.has(stream));
    } catch (err) {
      if (!(err instanceof SocketError && err.code === 'disconnected')) console.warn('sync failed', stream, err);
    } finally {
      this.syncing.delete(stream);
    }
  }

  /**
   * Applies a seq'd event once, in order; a live gap triggers a sync (which replays the skipped events).
   * `syncLastSeq` is set for events replayed by a sync.
   */
  apply(e: RoomEvent, syncLastSeq?: number): void {
    const stream = streamOf(e);
    const verdict = this.tracker.classify(stream, e.seq);
    if (verdict === 'duplicate') return;
    if (verdict === 'gap' && syncLastSeq === undefined) {
      void this.sync(stream);
      return;
    }
    this.tracker.applied(stream, e.seq);
    this.deps.deliver(e, syncLastSeq ?? e.seq);
  }
}
