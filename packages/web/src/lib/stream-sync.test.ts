import type { AckDataFor, RoomEvent } from '@rounds/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { created, flush, ROOM, testSocket } from './socket-fixtures';
import { StreamSync, type SyncRequest, syncRequest } from './stream-sync';

describe('per-stream ordering through the socket', () => {
  let t: ReturnType<typeof testSocket>;
  const resets: string[] = [];
  beforeEach(() => {
    t = testSocket();
    resets.length = 0;
    t.events.onStreamReset((s) => resets.push(s));
  });
  afterEach(() => t.sock.stop());

  it('applies in-order events once and drops duplicates', async () => {
    t.sock.track(ROOM, 0);
    const ws = await t.connect();
    ws.ack('sync', { roomId: ROOM, events: [], lastSeq: 0, hasMore: false });
    await flush();
    ws.push(created(1));
    ws.push(created(2));
    ws.push(created(2));
    ws.push(created(1));
    expect(t.applied).toEqual([1, 2]);
  });

  it('fills a gap with sync from the last applied seq, repeating while hasMore', async () => {
    t.sock.track(ROOM, 0);
    const ws = await t.connect();
    ws.ack('sync', { roomId: ROOM, events: [], lastSeq: 0, hasMore: false });
    await flush();
    ws.push(created(1));
    ws.push(created(5)); // 2..4 missed
    expect(t.applied).toEqual([1]);
    expect(ws.last('sync')).toMatchObject({ roomId: ROOM, afterSeq: 1 });
    ws.push(created(6)); // arrives while syncing: another gap, handled after this sync
    ws.ack('sync', { roomId: ROOM, events: [created(2), created(3)], lastSeq: 6, hasMore: true });
    await flush();
    expect(ws.last('sync')).toMatchObject({ afterSeq: 3 });
    ws.ack('sync', {
      roomId: ROOM,
      events: [created(3), created(4), created(5), created(6)],
      lastSeq: 6,
      hasMore: false,
    });
    await flush();
    // The dirty flag makes one more (empty) round.
    ws.ack('sync', { roomId: ROOM, events: [], lastSeq: 6, hasMore: false });
    await flush();
    expect(t.applied).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('passes the sync lastSeq as asOf for replayed events and the event seq for live ones', async () => {
    const seen: [number, number][] = [];
    t.events.on('message.created', (e, asOf) => seen.push([e.seq, asOf]));
    t.sock.track(ROOM, 0);
    const ws = await t.connect();
    ws.ack('sync', { roomId: ROOM, events: [created(1), created(2)], lastSeq: 9, hasMore: false });
    await flush();
    ws.push(created(3));
    expect(seen).toEqual([
      [1, 9],
      [2, 9],
      [3, 3],
    ]);
  });

  it('forgets rooms the hello ack no longer lists', async () => {
    t.sock.track('gone0001', 5);
    t.sock.track(ROOM, 0);
    await t.connect();
    expect(t.sock.tracker.has('gone0001')).toBe(false);
    expect(t.sock.tracker.has(ROOM)).toBe(true);
  });

  it('resets a stream whose server lastSeq is behind our position', async () => {
    t.sock.track(ROOM, 50);
    const ws = await t.connect();
    ws.ack('sync', { roomId: ROOM, events: [], lastSeq: 10, hasMore: false });
    await flush();
    expect(resets).toEqual([ROOM]);
    expect(t.sock.tracker.lastSeq(ROOM)).toBe(10);
  });

  it('syncs the rooms a resync frame names, or every stream', async () => {
    t.sock.track(ROOM, 2);
    t.sock.track('room0002', 7);
    const ws = await t.connect([ROOM, 'room0002']);
    const syncs = () => ws.sent.filter((f) => f.type === 'sync');
    for (const cmd of syncs()) {
      const lastSeq = cmd.roomId === ROOM ? 2 : 7;
      ws.push({ type: 'ack', ref: cmd.ref, data: { roomId: cmd.roomId, events: [], lastSeq, hasMore: false } });
    }
    await flush();
    expect(syncs()).toHaveLength(2);
    ws.push({ type: 'resync', roomIds: ['room0002'] });
    expect(syncs().slice(2)).toMatchObject([{ roomId: 'room0002', afterSeq: 7 }]);
    ws.ack('sync', { roomId: 'room0002', events: [], lastSeq: 7, hasMore: false });
    await flush();
    ws.push({ type: 'resync', roomIds: null });
    expect(syncs().slice(3)).toMatchObject([
      { roomId: ROOM, afterSeq: 2 },
      { roomId: 'room0002', afterSeq: 7 },
    ]);
  });
});

describe('StreamSync', () => {
  const lecture = (seq: number): RoomEvent => {
    // A stream addressed to many rooms (a lecture) will send events carrying a streamId.
    const e = { ...created(seq), streamId: 'lect0001' };
    return e;
  };

  it('keys positions by stream, so a lecture and its room are ordered apart', () => {
    const delivered: string[] = [];
    const fetch = vi.fn<(r: SyncRequest) => Promise<AckDataFor<'sync'>>>();
    const s = new StreamSync({ fetch, deliver: (e) => delivered.push(`${e.seq}`), reset: () => {} });
    s.track(ROOM, 4);
    s.track('lect0001', 1);
    s.apply(created(5));
    s.apply(lecture(2));
    s.apply(lecture(2));
    expect(delivered).toEqual(['5', '2']);
    expect(s.tracker.lastSeq(ROOM)).toBe(5);
    expect(s.tracker.lastSeq('lect0001')).toBe(2);
    // A gap in the lecture syncs the lecture's stream, not the room it arrived in.
    fetch.mockResolvedValue({ roomId: ROOM, events: [], lastSeq: 2, hasMore: false });
    s.apply(lecture(4));
    expect(fetch).toHaveBeenCalledWith(syncRequest('lect0001', 2));
  });

  it('builds the sync request of a room stream as sync {roomId}', () => {
    expect(syncRequest(ROOM, 7)).toEqual({ roomId: ROOM, afterSeq: 7, limit: 500 });
  });
});
