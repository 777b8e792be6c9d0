import type { Message, RoomEvent } from '@rounds/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outboxStore } from './outbox';
import { RoundsSocket } from './socket';
import { connectionStore, type SocketHooks } from './socket-types';

/** A WebSocket double: records what the client sends and lets the test play the server. */
class FakeWs {
  static all: FakeWs[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeWs.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1006) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code });
  }
  // server side
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  push(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  last(type: string) {
    return [...this.sent].reverse().find((f) => f.type === type);
  }
  ack(type: string, data: unknown) {
    const cmd = this.last(type);
    if (!cmd) throw new Error(`no ${type} sent`);
    this.push({ type: 'ack', ref: cmd.ref, data });
  }
}

const ROOM = 'room0001';
const ME = 'user0001';
const OTHER = 'user0002';
const now = new Date(0).toISOString();

function user(id: string) {
  return {
    id,
    handle: id,
    displayName: id,
    profession: 'nurse',
    specialty: '',
    country: 'CN',
    institution: '',
    languages: ['zh'],
    timeZone: 'Asia/Shanghai',
    verification: 'unverified',
    role: 'user',
    demo: false,
    createdAt: now,
    email: `${id}@x.org`,
    locale: null,
    canCreateRooms: false,
  };
}
function msg(seq: number, sender = OTHER, clientMsgId = `c${seq}`): Message {
  return {
    id: `msg${String(seq).padStart(5, '0')}`,
    roomId: ROOM,
    seq,
    senderId: sender,
    clientMsgId,
    body: `m${seq}`,
    threadRootId: null,
    replyCount: 0,
    mentions: [],
    reactions: [],
    attachments: [],
    privacyFlags: [],
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  };
}
function created(seq: number, sender = OTHER, clientMsgId?: string): RoomEvent {
  return { type: 'message.created', roomId: ROOM, seq, message: msg(seq, sender, clientMsgId) };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('RoundsSocket', () => {
  let applied: number[];
  let sock: RoundsSocket;
  let hooks: SocketHooks;

  beforeEach(() => {
    FakeWs.all = [];
    applied = [];
    outboxStore.set([]);
    connectionStore.set({ state: 'idle', everOnline: false });
    hooks = {
      onRoomEvent: (e) => applied.push(e.seq),
      onEphemeral: vi.fn(),
      onHello: vi.fn(),
      onAuthFailed: vi.fn(),
      onRoomReset: vi.fn(),
      onConnectFailing: vi.fn(),
    };
    sock = new RoundsSocket({
      url: () => 'ws://test',
      WebSocketImpl: FakeWs as unknown as new (u: string) => WebSocket,
      backoffBaseMs: 10,
      backoffMaxMs: 20,
    });
    sock.setHooks(hooks);
  });
  afterEach(() => sock.stop());

  async function connect(): Promise<FakeWs> {
    sock.start();
    const ws = FakeWs.all[FakeWs.all.length - 1]!;
    ws.open();
    expect(ws.sent[0]).toMatchObject({ type: 'hello', version: 1 });
    ws.ack('hello', {
      user: user(ME),
      sessionId: 'sess0001',
      serverVersion: 1,
      roomIds: [ROOM],
      heartbeatMs: 30000,
      limits: { uploadMaxBytes: 5 * 1048576, maxAttachments: 10, maxMessageChars: 10000 },
    });
    await flush();
    return ws;
  }

  it('applies in-order events once and drops duplicates', async () => {
    sock.tracker.track(ROOM, 0);
    const ws = await connect();
    ws.ack('sync', { roomId: ROOM, events: [], lastSeq: 0, hasMore: false });
    await flush();
    ws.push(created(1));
    ws.push(created(2));
    ws.push(created(2));
    ws.push(created(1));
    expect(applied).toEqual([1, 2]);
    expect(connectionStore.get().state).toBe('online');
  });

  it('fills a gap with sync from the last applied seq, repeating while hasMore', async () => {
    sock.tracker.track(ROOM, 0);
    const ws = await connect();
    ws.ack('sync', { roomId: ROOM, events: [], lastSeq: 0, hasMore: false });
    await flush();
    ws.push(created(1));
    ws.push(created(5)); // 2..4 missed
    expect(applied).toEqual([1]);
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
    expect(applied).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('queues sends while offline and re-sends them with the same client id after hello and sync', async () => {
    sock.tracker.track(ROOM, 3);
    const ws1 = await connect();
    ws1.ack('sync', { roomId: ROOM, events: [], lastSeq: 3, hasMore: false });
    await flush();

    // The first attempt goes out, then the connection drops before the ack.
    const id = sock.sendMessage(ROOM, 'hello', null);
    expect(ws1.last('message.send')).toMatchObject({ clientMsgId: id, body: 'hello' });
    ws1.close();
    expect(outboxStore.get()[0]).toMatchObject({ clientMsgId: id, status: 'queued' });
    expect(connectionStore.get().state).toBe('reconnecting');

    // Typed while offline.
    const id2 = sock.sendMessage(ROOM, 'second', null);
    expect(outboxStore.get().map((e) => e.clientMsgId)).toEqual([id, id2]);

    await new Promise((r) => setTimeout(r, 40));
    const ws2 = FakeWs.all[FakeWs.all.length - 1]!;
    expect(ws2).not.toBe(ws1);
    ws2.open();
    ws2.ack('hello', {
      user: user(ME),
      sessionId: 'sess0001',
      serverVersion: 1,
      roomIds: [ROOM],
      heartbeatMs: 30000,
      limits: { uploadMaxBytes: 5 * 1048576, maxAttachments: 10, maxMessageChars: 10000 },
    });
    await flush();
    // Sync first: it shows the first message did commit (so it leaves the outbox)...
    expect(ws2.sent.filter((f) => f.type === 'message.send')).toEqual([]);
    expect(ws2.last('sync')).toMatchObject({ afterSeq: 3 });
    ws2.ack('sync', { roomId: ROOM, events: [created(4, ME, id)], lastSeq: 4, hasMore: false });
    await flush();
    // ...so only the second is re-sent, with its original client id.
    const sends = ws2.sent.filter((f) => f.type === 'message.send');
    expect(sends.map((s) => s.clientMsgId)).toEqual([id2]);
    expect(applied).toEqual([4]);
    ws2.ack('message.send', { message: msg(5, ME, id2), duplicate: false });
    await flush();
    expect(outboxStore.get()).toEqual([]);
  });

  it('marks a send failed on a permanent error and keeps it for retry', async () => {
    const ws = await connect();
    const id = sock.sendMessage(ROOM, 'x', null);
    const cmd = ws.last('message.send')!;
    ws.push({ type: 'error', ref: cmd.ref, error: { code: 'not_a_member', message: 'no' } });
    await flush();
    expect(outboxStore.get()[0]).toMatchObject({ clientMsgId: id, status: 'failed', error: 'not_a_member' });
    sock.retry(id);
    expect(ws.sent.filter((f) => f.type === 'message.send' && f.clientMsgId === id)).toHaveLength(2);
  });

  it('sends attachments as upload references with their captions, and keeps them on a retry', async () => {
    const ws = await connect();
    const files = [
      { uploadId: 'up000001', caption: 'UV-C cart', name: 'cart.jpg', kind: 'image' as const },
      { uploadId: 'up000002', caption: '', name: 'list.pdf', kind: 'file' as const },
    ];
    const id = sock.sendMessage(ROOM, '', null, files);
    const expected = [
      { uploadId: 'up000001', caption: 'UV-C cart' },
      { uploadId: 'up000002', caption: '' },
    ];
    const cmd = ws.last('message.send')!;
    expect(cmd).toMatchObject({ clientMsgId: id, body: '', attachments: expected });
    ws.push({ type: 'error', ref: cmd.ref, error: { code: 'upload_not_found', message: 'no' } });
    await flush();
    expect(outboxStore.get()[0]).toMatchObject({ status: 'failed', attachments: files });
    sock.retry(id);
    expect(ws.last('message.send')).toMatchObject({ clientMsgId: id, attachments: expected });
    // Without attachments, none are sent.
    sock.sendMessage(ROOM, 'text only', null);
    expect(ws.last('message.send')).not.toHaveProperty('attachments');
  });

  it('passes ephemeral events through and stops on an unauthenticated hello', async () => {
    const ws = await connect();
    ws.push({ type: 'typing', roomId: ROOM, userId: OTHER, threadRootId: null });
    expect(hooks.onEphemeral).toHaveBeenCalledTimes(1);
    ws.close();
    await new Promise((r) => setTimeout(r, 40));
    const ws2 = FakeWs.all[FakeWs.all.length - 1]!;
    ws2.open();
    const hello = ws2.last('hello')!;
    ws2.push({ type: 'error', ref: hello.ref, error: { code: 'unauthenticated', message: 'no' } });
    await flush();
    expect(hooks.onAuthFailed).toHaveBeenCalled();
  });

  it('passes the sync lastSeq as asOf for replayed events and the event seq for live ones', async () => {
    const seen: [number, number][] = [];
    hooks.onRoomEvent = (e, asOf) => seen.push([e.seq, asOf]);
    sock.tracker.track(ROOM, 0);
    const ws = await connect();
    ws.ack('sync', { roomId: ROOM, events: [created(1), created(2)], lastSeq: 9, hasMore: false });
    await flush();
    ws.push(created(3));
    expect(seen).toEqual([
      [1, 9],
      [2, 9],
      [3, 3],
    ]);
  });

  it('forgets rooms the hello ack no longer lists, and does not reconnect after a revoked session', async () => {
    sock.tracker.track('gone0001', 5);
    sock.tracker.track(ROOM, 0);
    const ws = await connect();
    expect(sock.tracker.has('gone0001')).toBe(false);
    expect(sock.tracker.has(ROOM)).toBe(true);
    ws.close(4001);
    expect(hooks.onAuthFailed).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 40));
    expect(FakeWs.all).toHaveLength(1);
  });

  it('resets a room whose server lastSeq is behind our position', async () => {
    sock.tracker.track(ROOM, 50);
    const ws = await connect();
    ws.ack('sync', { roomId: ROOM, events: [], lastSeq: 10, hasMore: false });
    await flush();
    expect(hooks.onRoomReset).toHaveBeenCalledWith(ROOM);
    expect(sock.tracker.lastSeq(ROOM)).toBe(10);
  });

  it('ignores frames that do not match the protocol', async () => {
    sock.tracker.track(ROOM, 0);
    const ws = await connect();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    ws.push({ type: 'message.created', roomId: ROOM, seq: 1 });
    expect(applied).toEqual([]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
