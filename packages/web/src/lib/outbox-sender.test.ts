import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxStore } from './outbox';
import { afterBackoff, created, FakeWs, flush, helloAck, ME, msg, ROOM, testSocket } from './socket-fixtures';
import { connectionStore } from './socket-types';

describe('the outbox over the socket', () => {
  let t: ReturnType<typeof testSocket>;
  beforeEach(() => {
    t = testSocket();
  });
  afterEach(() => t.sock.stop());

  it('queues sends while offline and re-sends them with the same client id after hello and sync', async () => {
    const { sock } = t;
    sock.track(ROOM, 3);
    const ws1 = await t.connect();
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

    await afterBackoff();
    const ws2 = FakeWs.latest();
    expect(ws2).not.toBe(ws1);
    await helloAck(ws2);
    // Sync first: it shows the first message did commit (so it leaves the outbox)...
    expect(ws2.sent.filter((f) => f.type === 'message.send')).toEqual([]);
    expect(ws2.last('sync')).toMatchObject({ afterSeq: 3 });
    ws2.ack('sync', { roomId: ROOM, events: [created(4, ME, id)], lastSeq: 4, hasMore: false });
    await flush();
    // ...so only the second is re-sent, with its original client id.
    const sends = ws2.sent.filter((f) => f.type === 'message.send');
    expect(sends.map((s) => s.clientMsgId)).toEqual([id2]);
    expect(t.applied).toEqual([4]);
    ws2.ack('message.send', { message: msg(5, ME, id2), duplicate: false });
    await flush();
    expect(outboxStore.get()).toEqual([]);
  });

  it('marks a send failed on a permanent error and keeps it for retry', async () => {
    const ws = await t.connect();
    const id = t.sock.sendMessage(ROOM, 'x', null);
    const cmd = ws.last('message.send');
    ws.push({ type: 'error', ref: cmd?.ref, error: { code: 'not_a_member', message: 'no' } });
    await flush();
    expect(outboxStore.get()[0]).toMatchObject({ clientMsgId: id, status: 'failed', error: 'not_a_member' });
    t.sock.retry(id);
    expect(ws.sent.filter((f) => f.type === 'message.send' && f.clientMsgId === id)).toHaveLength(2);
  });

  it('sends attachments as upload references with their captions, and keeps them on a retry', async () => {
    const ws = await t.connect();
    const files = [
      { uploadId: 'up000001', caption: 'UV-C cart', name: 'cart.jpg', kind: 'image' as const },
      { uploadId: 'up000002', caption: '', name: 'list.pdf', kind: 'file' as const },
    ];
    const id = t.sock.sendMessage(ROOM, '', null, files);
    const expected = [
      { uploadId: 'up000001', caption: 'UV-C cart' },
      { uploadId: 'up000002', caption: '' },
    ];
    const cmd = ws.last('message.send');
    expect(cmd).toMatchObject({ clientMsgId: id, body: '', attachments: expected });
    ws.push({ type: 'error', ref: cmd?.ref, error: { code: 'upload_not_found', message: 'no' } });
    await flush();
    expect(outboxStore.get()[0]).toMatchObject({ status: 'failed', attachments: files });
    t.sock.retry(id);
    expect(ws.last('message.send')).toMatchObject({ clientMsgId: id, attachments: expected });
    // Without attachments, none are sent.
    t.sock.sendMessage(ROOM, 'text only', null);
    expect(ws.last('message.send')).not.toHaveProperty('attachments');
  });

  it('forgets the outbox and every stream position at sign-out', async () => {
    t.sock.track(ROOM, 3);
    t.sock.sendMessage(ROOM, 'unsent', null);
    t.sock.stop();
    expect(outboxStore.get()).toEqual([]);
    expect(t.sock.tracker.streams()).toEqual([]);
    expect(connectionStore.get().state).toBe('idle');
  });
});
