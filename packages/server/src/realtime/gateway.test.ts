import { ErrorFrame, HelloResult, Limits } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, registerUser, TestSocket } from '../test/client';
import { connectAll, roomWithMembers } from '../test/fixtures';
import { startTestServer } from '../test/server';

const errorOf = async (sock: TestSocket, frame: string | Buffer, binary = false) => {
  const before = sock.ofType('error').length;
  sock.sendRaw(frame, binary);
  await sock.waitFor(() => sock.ofType('error').length > before);
  return ErrorFrame.parse(sock.ofType('error').at(-1));
};

describe('socket gateway', () => {
  it('says hello with a token, or with the session cookie from the upgrade', async () => {
    await using srv = await startTestServer({ env: { ROUNDS_UPLOAD_MAX_MB: '3' } });
    const u = await registerUser(srv.url);
    const viaToken = await TestSocket.connect(srv.wsUrl);
    const hello = HelloResult.parse(await viaToken.call({ type: 'hello', version: 1, token: u.token }));
    expect(hello.user.id).toBe(u.user.id);
    // The configured limits, so a client can refuse a too-large file before uploading it.
    expect(hello.limits).toEqual({ uploadMaxBytes: 3 * 1048576, maxAttachments: 10, maxMessageChars: 10_000 });
    const viaCookie = await TestSocket.connect(srv.wsUrl, undefined, {
      cookie: `rounds_session=${u.token}`,
      origin: srv.url,
    });
    expect(HelloResult.parse(await viaCookie.call({ type: 'hello', version: 1 })).user.id).toBe(u.user.id);
    await expect(
      TestSocket.connect(srv.wsUrl, undefined, { cookie: `rounds_session=${u.token}`, origin: 'https://evil.example' }),
    ).rejects.toThrow(/403/);
    await expect(
      TestSocket.connect(srv.wsUrl, undefined, { authorization: 'Bearer nope-nope-nope-nope-nope' }),
    ).rejects.toThrow(/401/);
  });

  it('answers bad frames with typed errors and keeps the socket and earlier messages', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const stranger = await registerUser(srv.url);
    const [a, s] = await connectAll(srv, [owner, stranger]);
    const kept = await a!.call({
      type: 'message.send',
      roomId,
      clientMsgId: 'keep',
      body: 'accepted before the storm',
    });

    expect((await errorOf(a!, '{not json')).error.code).toBe('malformed_frame');
    expect((await errorOf(a!, '[1,2]')).error.code).toBe('malformed_frame');
    expect((await errorOf(a!, Buffer.from([1, 2, 3]), true)).error.code).toBe('malformed_frame');
    const unknown = await errorOf(a!, JSON.stringify({ type: 'message.explode', ref: 'u1' }));
    expect([unknown.error.code, unknown.ref]).toEqual(['unknown_frame_type', 'u1']);
    const wrongType = await errorOf(
      a!,
      JSON.stringify({ type: 'message.send', ref: 'w1', roomId, clientMsgId: 5, body: 'x' }),
    );
    expect([wrongType.error.code, wrongType.ref]).toEqual(['validation_failed', 'w1']);
    const extra = await errorOf(a!, JSON.stringify({ type: 'ping', ref: 'p', sneaky: true }));
    expect(extra.error.code).toBe('validation_failed');
    const tooLong = await a!.request({
      type: 'message.send',
      roomId,
      clientMsgId: 'long',
      body: 'x'.repeat(Limits.maxMessageChars + 1),
    });
    expect(tooLong.type === 'error' && tooLong.error.code).toBe('validation_failed');
    const big = await errorOf(a!, JSON.stringify({ type: 'ping', ref: 'big', pad: 'x'.repeat(Limits.maxFrameBytes) }));
    expect([big.error.code, big.ref]).toEqual(['payload_too_large', undefined]);
    const noRoom = await a!.request({ type: 'message.send', roomId: 'AAAAAAAAAAAAAAAA', clientMsgId: 'n', body: 'x' });
    expect(noRoom.type === 'error' && noRoom.error.code).toBe('room_not_found');
    const outsider = await s!.request({ type: 'message.send', roomId, clientMsgId: 'o', body: 'x' });
    expect(outsider.type === 'error' && outsider.error.code).toBe('not_a_member');
    const outsiderSync = await s!.request({ type: 'sync', roomId, afterSeq: 0 });
    expect(outsiderSync.type === 'error' && outsiderSync.error.code).toBe('not_a_member');
    const outsiderRead = await api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, stranger.token);
    expect([outsiderRead.status, outsiderRead.body.error.code]).toEqual([403, 'not_a_member']);
    const version = await (await TestSocket.connect(srv.wsUrl)).request({
      type: 'hello',
      version: 99,
      token: owner.token,
    });
    expect(version.type === 'error' && version.error.code).toBe('unsupported_version');

    expect((await a!.call({ type: 'ping' })).now).toBeTruthy();
    const page = await api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, members[0]!.token);
    expect(page.body.messages.map((m: { id: string }) => m.id)).toEqual([kept.message.id]);
  });

  it('refuses commands before hello and bad tokens in hello', async () => {
    await using srv = await startTestServer();
    const sock = await TestSocket.connect(srv.wsUrl);
    const early = await sock.request({ type: 'sync', roomId: 'AAAAAAAAAAAAAAAA', afterSeq: 0 });
    expect(early.type === 'error' && early.error.code).toBe('unauthenticated');
    const bad = await sock.request({ type: 'hello', version: 1, token: 'x'.repeat(43) });
    expect(bad.type === 'error' && bad.error.code).toBe('unauthenticated');
    expect((await sock.call({ type: 'ping' })).now).toBeTruthy();
  });

  it('rate-limits a flood of sends per user with retry-after, keeping what was accepted', async () => {
    await using srv = await startTestServer({
      env: { ROUNDS_RATE_MESSAGES_BURST: '5', ROUNDS_RATE_MESSAGES_PER_SEC: '1' },
    });
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const [a] = await connectAll(srv, [owner]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        a!.request({ type: 'message.send', roomId, clientMsgId: `f${i}`, body: `${i}` }),
      ),
    );
    const ok = results.filter((r) => r.type === 'ack');
    const limited = results.filter((r) => r.type === 'error');
    expect(ok).toHaveLength(5);
    expect(limited).toHaveLength(5);
    for (const r of limited) {
      const e = ErrorFrame.parse(r);
      expect(e.error.code).toBe('rate_limited');
      expect((e.error.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    }
    const page = await api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, owner.token);
    expect(page.body.messages).toHaveLength(5);
  });

  it('closes a socket that does not say hello within 10 s with code 4000', { timeout: 20_000 }, async () => {
    await using srv = await startTestServer();
    const sock = await TestSocket.connect(srv.wsUrl);
    const opened = Date.now();
    const closed = await sock.closed;
    expect(closed.code).toBe(4000);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(10_000);
  });

  it('pings every socket each heartbeat and drops one that stops answering', async () => {
    await using srv = await startTestServer({ env: { ROUNDS_HEARTBEAT_MS: '1000' } });
    const u = await registerUser(srv.url);
    const healthy = await TestSocket.connect(srv.wsUrl, u.token);
    const silent = new WebSocket(srv.wsUrl, { autoPong: false });
    await new Promise((resolve) => silent.once('open', resolve));
    let pings = 0;
    silent.on('ping', () => pings++);
    silent.send(JSON.stringify({ type: 'hello', ref: 1, version: 1, token: u.token }));
    const closed = await new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    expect(closed).toBe(1006);
    expect(pings).toBeGreaterThanOrEqual(1);
    expect((await healthy.call({ type: 'ping' })).now).toBeTruthy();
  });

  it('refuses upgrades on other paths', async () => {
    await using srv = await startTestServer();
    const bad = new WebSocket(srv.wsUrl.replace('/socket', '/nope'));
    const status = await new Promise((resolve) => bad.on('unexpected-response', (_r, res) => resolve(res.statusCode)));
    expect(status).toBe(404);
  });
});
