import { describe, expect, it } from 'vitest';
import { Sequencer } from './sequencer';

function harness(holdMs = 100) {
  let now = 0;
  const written: number[] = [];
  const seq = new Sequencer(holdMs, () => now);
  const offer = (stream: string, first: number, last = first) =>
    seq.offer(stream, {
      first,
      last,
      write: () => {
        for (let n = first; n <= last; n++) written.push(n);
      },
    });
  return { seq, offer, written, advance: (ms: number) => (now += ms) };
}

describe('the per-node sequencer', () => {
  it('writes in seq order: a later seq waits for the earlier one from another node', () => {
    const h = harness();
    h.offer('room', 4);
    h.offer('room', 6, 7); // from this node; 5 is still on its way from the other
    expect(h.written).toEqual([4]);
    h.offer('room', 5);
    expect(h.written).toEqual([4, 5, 6, 7]);
    expect(h.seq.holding).toBe(0);
    h.seq.stop();
  });

  it('gives up after the hold time and writes what it has; a late event still goes out', () => {
    const h = harness(100);
    h.offer('room', 1);
    h.offer('room', 3);
    h.advance(99);
    h.seq.sweep();
    expect(h.written).toEqual([1]);
    h.advance(1);
    h.seq.sweep();
    expect([h.written, h.seq.released]).toEqual([[1, 3], 1]);
    h.offer('room', 2);
    h.offer('room', 4);
    expect(h.written).toEqual([1, 3, 2, 4]);
    h.seq.stop();
  });

  it('keeps streams apart, and starts a stream at the first seq it sees', () => {
    const h = harness();
    h.offer('a', 10);
    h.offer('b', 3);
    h.offer('b', 5);
    h.offer('a', 11);
    expect(h.written).toEqual([10, 3, 11]);
    h.offer('b', 4);
    expect(h.written).toEqual([10, 3, 11, 4, 5]);
    h.seq.stop();
  });
});
