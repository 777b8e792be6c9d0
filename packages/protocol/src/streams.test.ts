import { describe, expect, it } from 'vitest';
import { streamOf } from './streams';

describe('streamOf', () => {
  it('keys a room event by its room', () => {
    expect(streamOf({ roomId: 'room0001' })).toBe('room0001');
  });

  it('keys an event of a stream addressed to many rooms by its streamId, not the room it reached', () => {
    expect(streamOf({ roomId: 'room0001', streamId: 'lect0001' })).toBe('lect0001');
    expect(streamOf({ streamId: 'lect0001' })).toBe('lect0001');
  });

  it('refuses an event that names neither', () => {
    expect(() => streamOf({})).toThrow(TypeError);
  });
});
