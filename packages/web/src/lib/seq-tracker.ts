/**
 * Per-room position in the gapless event stream. An event with seq == last + 1 is applied; seq <= last is
 * a duplicate (dropped); seq > last + 1 means events were missed and the room must be synced from `last`.
 */
type SeqVerdict = 'apply' | 'duplicate' | 'gap';

export class SeqTracker {
  private readonly last = new Map<string, number>();

  /**
   * Starts tracking a room at `seq`. A room already tracked keeps its position: only applied events move
   * it, so a newer seq from a REST snapshot never skips events this client has not applied.
   */
  track(roomId: string, seq: number): void {
    if (!this.last.has(roomId)) this.last.set(roomId, seq);
  }

  untrack(roomId: string): void {
    this.last.delete(roomId);
  }

  has(roomId: string): boolean {
    return this.last.has(roomId);
  }

  lastSeq(roomId: string): number | undefined {
    return this.last.get(roomId);
  }

  rooms(): [string, number][] {
    return [...this.last.entries()];
  }

  /**
   * Judges an incoming event. A room not yet tracked (just joined, list not loaded) starts at this event:
   * there is no earlier position to compare with, and its history comes from the REST pages.
   */
  classify(roomId: string, seq: number): SeqVerdict {
    const cur = this.last.get(roomId);
    if (cur === undefined) return 'apply';
    if (seq <= cur) return 'duplicate';
    if (seq === cur + 1) return 'apply';
    return 'gap';
  }

  /** Records that the event with this seq was applied. */
  applied(roomId: string, seq: number): void {
    this.last.set(roomId, seq);
  }
}
