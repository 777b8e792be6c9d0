import type { Message, RoomEvent } from '@rounds/protocol';
import { expect, vi } from 'vitest';
import { EventRegistry } from './event-registry';
import { outboxStore } from './outbox';
import { RoundsSocket, type SocketHooks, type SocketOptions } from './socket';
import { connectionStore, ROOM_EVENT_TYPES } from './socket-types';

/** A WebSocket double for the socket layer's tests: records what the client sends and lets the test play the server. */
export class FakeWs {
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
  static latest(): FakeWs {
    const ws = FakeWs.all[FakeWs.all.length - 1];
    if (!ws) throw new Error('no socket opened');
    return ws;
  }
}

export const ROOM = 'room0001';
export const ME = 'user0001';
export const OTHER = 'user0002';
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

export function msg(seq: number, sender = OTHER, clientMsgId = `c${seq}`, roomId = ROOM): Message {
  return {
    id: `msg${String(seq).padStart(5, '0')}`,
    roomId,
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

export function created(seq: number, sender = OTHER, clientMsgId?: string, roomId = ROOM): RoomEvent {
  return { type: 'message.created', roomId, seq, message: msg(seq, sender, clientMsgId, roomId) };
}

export const flush = () => new Promise((r) => setTimeout(r, 0));

/** Longer than the test socket's largest backoff (20 ms), so a reconnect has been attempted. */
export const afterBackoff = () => new Promise((r) => setTimeout(r, 40));

/** Plays the server's side of hello on a socket that has just opened. */
export async function helloAck(ws: FakeWs, roomIds: string[] = [ROOM]): Promise<void> {
  ws.open();
  expect(ws.sent[0]).toMatchObject({ type: 'hello', version: 1 });
  ws.ack('hello', {
    user: user(ME),
    sessionId: 'sess0001',
    serverVersion: 1,
    roomIds,
    heartbeatMs: 30000,
    limits: { uploadMaxBytes: 5 * 1048576, maxAttachments: 10, maxMessageChars: 10000 },
  });
  await flush();
}

/**
 * A socket on FakeWs with quick backoff, its own event registry and spied hooks; `applied` collects the seq
 * of every room event the registry receives, in order. Resets the shared stores first.
 */
export function testSocket(extra: Partial<SocketOptions> = {}) {
  FakeWs.all = [];
  outboxStore.set([]);
  connectionStore.set({ state: 'idle', everOnline: false });
  const events = new EventRegistry();
  const applied: number[] = [];
  events.on(ROOM_EVENT_TYPES, (e) => applied.push(e.seq));
  const sock = new RoundsSocket({
    url: () => 'ws://test',
    WebSocketImpl: FakeWs as unknown as new (u: string) => WebSocket,
    backoffBaseMs: 10,
    backoffMaxMs: 20,
    events,
    ...extra,
  });
  const hooks: SocketHooks = { onHello: vi.fn(), onAuthFailed: vi.fn(), onConnectFailing: vi.fn() };
  sock.setHooks(hooks);
  /** Starts the socket and completes its hello. */
  const connect = async (roomIds?: string[]) => {
    sock.start();
    const ws = FakeWs.latest();
    await helloAck(ws, roomIds);
    return ws;
  };
  return { sock, events, hooks, applied, connect };
}
