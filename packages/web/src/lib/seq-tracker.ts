/**
 * Per-stream position in a gapless event stream (a room is a stream keyed by its roomId; see `streamOf`).
 * An event with seq == last + 1 is applied; seq <= last is a duplicate (dropped); seq > last + 1 means
 * events were missed and the stream must be synced from `last`.
 */
type SeqVerdict = 'apply' | 'duplicate' | 'gap';

export class SeqTracker {
  private readonly last = new Map<string, number>();

  /**
   * Starts tracking a stream at `seq`. A stream already tracked keeps its position: only applied events
   * move it, so a newer seq from a REST snapshot never skips events this client has not applied.
   */
  track(stream: string, seq: number): void {
    if (!this.last.has(stream)) this.last.set(stream, seq);
  }

  untrack(stream: string): void {
    this.last.delete(stream);
  }

  has(stream: string): boolean {
    return this.last.has(stream);
  }

  lastSeq(stream: string): number | undefined {
    return this.last.get(stream);
  }

  streams(): string[] {
    return [...this.last.keys()];
  }

  /**
   * Judges an incoming event. A stream not yet tracked (a room just joined, list not loaded) starts at
   * this event: there is no earlier position to compare with, and its history comes from the REST pages.
   */
  classify(stream: string, seq: number): SeqVerdict {
    const cur = this.last.get(stream);
    if (cur === undefined) return 'apply';
    if (seq <= cur) return 'duplicate';
    if (seq === cur + 1) return 'apply';
    return 'gap';
  }

  /** Records that the event with this seq was applied. */
  applied(stream: string, seq: number): void {
    this.last.set(stream, seq);
  }
}
