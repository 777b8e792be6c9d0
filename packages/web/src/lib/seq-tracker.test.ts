import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker';

describe('SeqTracker', () => {
  it('applies the next seq, drops old ones, flags gaps', () => {
    const t = new SeqTracker();
    t.track('r', 4);
    expect(t.classify('r', 5)).toBe('apply');
    expect(t.classify('r', 4)).toBe('duplicate');
    expect(t.classify('r', 3)).toBe('duplicate');
    expect(t.classify('r', 7)).toBe('gap');
    t.applied('r', 5);
    expect(t.classify('r', 6)).toBe('apply');
  });

  it('never jumps over unapplied events when a REST snapshot reports a newer seq', () => {
    const t = new SeqTracker();
    t.track('r', 4);
    t.track('r', 9); // the room list refreshed after a reconnect
    expect(t.lastSeq('r')).toBe(4);
  });

  it('lets an untracked stream start at its first event', () => {
    const t = new SeqTracker();
    expect(t.classify('new', 12)).toBe('apply');
    t.untrack('new');
    expect(t.has('new')).toBe(false);
  });
});
