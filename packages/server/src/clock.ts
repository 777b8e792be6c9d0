/** Where the server reads the time (epoch ms): injectable so tests move time instead of sleeping. */
export type Clock = { now(): number };

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to, for tests. */
export type ManualClock = Clock & { set(ms: number): void; advance(ms: number): void };

/** A manual clock starting at `start` (default: the wall clock's now). */
export function manualClock(start = Date.now()): ManualClock {
  let t = start;
  return {
    now: () => t,
    set(ms) {
      t = ms;
    },
    advance(ms) {
      t += ms;
    },
  };
}
