import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoundsSocket } from './socket';
import { afterBackoff, FakeWs, flush, OTHER, ROOM, testSocket } from './socket-fixtures';
import { connectionStore } from './socket-types';

describe('the connection', () => {
  let t: ReturnType<typeof testSocket>;
  let sock: RoundsSocket;
  beforeEach(() => {
    t = testSocket();
    sock = t.sock;
  });
  afterEach(() => sock.stop());

  it('says hello, goes online and hands the hook the hello result', async () => {
    expect(connectionStore.get().state).toBe('idle');
    await t.connect();
    expect(connectionStore.get()).toMatchObject({ state: 'online', everOnline: true });
    expect(sock.isOnline).toBe(true);
    expect(sock.sessionId).toBe('sess0001');
    expect(t.hooks.onHello).toHaveBeenCalledWith(expect.objectContaining({ sessionId: 'sess0001' }));
  });

  it('passes ephemeral events to the registry and stops on an unauthenticated hello', async () => {
    const typing = vi.fn();
    t.events.on('typing', typing);
    const ws = await t.connect();
    ws.push({ type: 'typing', roomId: ROOM, userId: OTHER, threadRootId: null });
    expect(typing).toHaveBeenCalledWith({ type: 'typing', roomId: ROOM, userId: OTHER, threadRootId: null });
    ws.close();
    expect(connectionStore.get().state).toBe('reconnecting');
    await afterBackoff();
    const ws2 = FakeWs.latest();
    ws2.open();
    const hello = ws2.last('hello');
    ws2.push({ type: 'error', ref: hello?.ref, error: { code: 'unauthenticated', message: 'no' } });
    await flush();
    expect(t.hooks.onAuthFailed).toHaveBeenCalled();
    await afterBackoff();
    expect(FakeWs.all).toHaveLength(2);
  });

  it('matches acks and errors to their commands by ref', async () => {
    const ws = await t.connect();
    const ping = sock.request('ping', {});
    const read = sock.request('read.mark', { roomId: ROOM, seq: 3 });
    const readCmd = ws.last('read.mark');
    ws.push({ type: 'error', ref: readCmd?.ref, error: { code: 'not_a_member', message: 'no' } });
    ws.ack('ping', { now: 'then' });
    await expect(ping).resolves.toEqual({ now: 'then' });
    await expect(read).rejects.toMatchObject({ name: 'SocketError', code: 'not_a_member' });
  });

  it('fails commands in flight when the connection drops, and refuses them while offline', async () => {
    const ws = await t.connect();
    const ping = sock.request('ping', {});
    ws.close();
    await expect(ping).rejects.toMatchObject({ code: 'disconnected' });
    await expect(sock.request('ping', {})).rejects.toMatchObject({ code: 'disconnected' });
  });

  it('does not reconnect after a revoked session', async () => {
    const ws = await t.connect();
    ws.close(4001);
    expect(t.hooks.onAuthFailed).toHaveBeenCalled();
    await afterBackoff();
    expect(FakeWs.all).toHaveLength(1);
  });

  it('reconnects when the server asks, after the delay it gives', async () => {
    const ws = await t.connect();
    ws.push({ type: 'reconnect', reason: 'draining', retryAfterMs: 0 });
    expect(ws.readyState).toBe(3);
    expect(sock.isOnline).toBe(false);
    await afterBackoff();
    expect(FakeWs.all).toHaveLength(2);
  });

  it('tells the session to check itself after every third failed attempt', async () => {
    sock.start();
    for (let i = 0; i < 3; i++) {
      FakeWs.latest().close();
      await afterBackoff();
    }
    expect(t.hooks.onConnectFailing).toHaveBeenCalledTimes(1);
    expect(connectionStore.get().state).toBe('connecting');
  });

  it('ignores frames that do not match the protocol', async () => {
    sock.track(ROOM, 0);
    const ws = await t.connect();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    ws.push({ type: 'message.created', roomId: ROOM, seq: 1 });
    ws.onmessage?.({ data: 'not json' });
    expect(t.applied).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
