/**
 * How busy the machine was with work other than the bench: CPU used by processes outside the bench's own
 * process tree, sampled from /proc every second. Shared machines make benchmark figures noisy; the report
 * says how noisy.
 */
import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SEC = 100;

type Sample = Map<number, { ppid: number; ticks: number }>;

function sample(): Sample {
  const out: Sample = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while we read
    }
  }
  return out;
}

/** Processes outside the bench's tree that work for it (PostgreSQL backends serving its servers). */
const claimed = new Set<number>();

/** Counts these processes as the bench's own, not as other load on the machine. */
export function claimPids(pids: Iterable<number>): void {
  for (const pid of pids) claimed.add(pid);
}

/**
 * The bench's own processes: this one, every descendant, its ancestors (npm, tsx; not their other
 * children), and claimed ones.
 */
function ours(s: Sample): Set<number> {
  const mine = new Set<number>([process.pid, ...claimed]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { ppid }] of s) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  for (let p = process.ppid; p > 1 && !mine.has(p); p = s.get(p)?.ppid ?? 0) mine.add(p);
  return mine;
}

export type Noise = { foreignCores: number; maxForeignCores: number; load1: number };

/** Samples other processes' CPU until `stop()`. */
export function watchNoise(): { stop(): Noise } {
  let prev = sample();
  let prevAt = Date.now();
  let ticks = 0;
  let maxCores = 0;
  const started = prevAt;
  let load = os.loadavg()[0] ?? 0;
  const timer = setInterval(() => {
    const cur = sample();
    const at = Date.now();
    const mine = ours(cur);
    let t = 0;
    for (const [pid, { ticks: now }] of cur) {
      const before = prev.get(pid);
      if (before && !mine.has(pid)) t += Math.max(0, now - before.ticks);
    }
    ticks += t;
    maxCores = Math.max(maxCores, t / TICKS_PER_SEC / ((at - prevAt) / 1000));
    load = Math.max(load, os.loadavg()[0] ?? 0);
    prev = cur;
    prevAt = at;
  }, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const secs = (prevAt - started) / 1000;
      return { foreignCores: secs > 0 ? ticks / TICKS_PER_SEC / secs : 0, maxForeignCores: maxCores, load1: load };
    },
  };
}
