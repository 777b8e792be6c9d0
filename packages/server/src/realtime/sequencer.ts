/** A run of consecutive events of one stream, already serialized, ready to write. */
export type Run = { first: number; last: number; write(): void };

type Held = { run: Run; at: number };
type State = { last: number; held: Held[] };

/**
 * Puts each stream's events back in seq order at this node before they reach its sockets. With several
 * nodes, two senders in one room commit on different nodes: this node writes its own commit at once, and
 * the other node's arrives through Redis a moment later, so its clients would see seq 6 before 5 and have to
 * sync (19,001 gaps in 155,362 messages across two nodes before this). A run that follows the last seq
 * written goes out at once, with whatever held runs it unblocks; a run after a gap is held until the missing
 * seqs arrive, or for at most `holdMs`, after which it goes out anyway and clients sync what truly went
 * missing. The first run seen for a stream sets its position (nothing to compare with after a start).
 */
export class Sequencer {
  private readonly streams = new Map<string, State>();
  private timer: NodeJS.Timeout | undefined;
  /** Runs that waited out `holdMs` (a gap that did not fill): for metrics. */
  released = 0;

  constructor(
    private readonly holdMs = 200,
    private readonly now: () => number = Date.now,
  ) {}

  offer(stream: string, run: Run): void {
    const s = this.streams.get(stream);
    if (!s) {
      run.write();
      this.streams.set(stream, { last: run.last, held: [] });
      return;
    }
    if (run.first > s.last + 1) {
      s.held.push({ run, at: this.now() });
      this.arm();
      return;
    }
    // The next run, or a late one (after a hold expired): write it; clients ignore what they already have.
    run.write();
    s.last = Math.max(s.last, run.last);
    this.drain(s);
  }

  /** Writes held runs that now follow on. */
  private drain(s: State): void {
    if (s.held.length === 0) return;
    s.held.sort((a, b) => a.run.first - b.run.first);
    while (s.held.length > 0 && (s.held[0] as Held).run.first <= s.last + 1) {
      const { run } = s.held.shift() as Held;
      run.write();
      s.last = Math.max(s.last, run.last);
    }
  }

  /** Releases holds older than holdMs (the timer calls this). */
  sweep(): void {
    const now = this.now();
    let waiting = false;
    for (const s of this.streams.values()) {
      if (s.held.length === 0) continue;
      if (now - Math.min(...s.held.map((h) => h.at)) < this.holdMs) {
        waiting = true;
        continue;
      }
      s.held.sort((a, b) => a.run.first - b.run.first);
      for (const { run } of s.held.splice(0)) {
        run.write();
        s.last = Math.max(s.last, run.last);
        this.released++;
      }
    }
    if (!waiting) this.disarm();
  }

  /** How many runs are held now. */
  get holding(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.held.length;
    return n;
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sweep(), Math.max(5, Math.floor(this.holdMs / 4)));
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  stop(): void {
    this.disarm();
  }
}
