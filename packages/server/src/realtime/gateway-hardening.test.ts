import { Writable } from 'node:stream';
import { ErrorFrame, HelloResult } from '@rounds/protocol';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { api, registerUser, TestSocket } from '../test/client';
import { startTestServer } from '../test/server';

/** A debug-level logger whose lines the test can read. */
function capturedLogger() {
  const lines: { level: number; msg?: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

async function connections(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^rounds_connections (\d+)/m.exec(text)?.[1]);
}

describe('gateway hardening (issue 11)', () => {
  it('acknowledges only the first of two hellos sent in one tick, with two users', async () => {
    await using srv = await startTestServer();
    const a = await registerUser(srv.url);
    const b = await registerUser(srv.url);
    const roomA = (await api(srv.url, 'POST', '/rooms', { name: 'A room' }, a.token)).body.id as string;
    await api(srv.url, 'PATCH', `/admin/users/${b.user.id}`, { canCreateRooms: true }, a.token);
    const roomB = (await api(srv.url, 'POST', '/rooms', { name: 'B room' }, b.token)).body.id as string;
    expect(roomB).toBeTruthy();

    const sock = await TestSocket.connect(srv.wsUrl);
    sock.sendRaw(JSON.stringify({ type: 'hello', ref: 'h1', version: 1, token: a.token }));
    sock.sendRaw(JSON.stringify({ type: 'hello', ref: 'h2', version: 1, token: b.token }));
    const first = await sock.waitFor((f) => 'ref' in f && f.ref === 'h1');
    const second = await sock.waitFor((f) => 'ref' in f && f.ref === 'h2');
    expect(first.type).toBe('ack');
    expect(HelloResult.parse((first as { data: unknown }).data).roomIds).toEqual([roomA]);
    expect(ErrorFrame.parse(second).error.code).toBe('validation_failed');

    // B's message, acknowledged first, would reach the socket before A's if the socket were in B's room.
    const bSock = await TestSocket.connect(srv.wsUrl, b.token);
    await bSock.call({ type: 'message.send', roomId: roomB, clientMsgId: 'b', body: 'for B only' });
    const aSock = await TestSocket.connect(srv.wsUrl, a.token);
    await aSock.call({ type: 'message.send', roomId: roomA, clientMsgId: 'a', body: 'for A' });
    await sock.waitFor((f) => f.type === 'message.created' && f.roomId === roomA);
    expect(sock.ofType('message.created').map((f) => f.roomId)).toEqual([roomA]);

    bSock.close();
    aSock.close();
    sock.close();
    await vi.waitFor(async () => expect(await connections(srv.url)).toBe(0), { timeout: 5000, interval: 20 });
    expect([...(await srv.rounds.deps.presence.online([a.user.id, b.user.id]))]).toEqual([]);
  });

  it('lets a hello be retried after a failed one', async () => {
    await using srv = await startTestServer();
    const a = await registerUser(srv.url);
    const sock = await TestSocket.connect(srv.wsUrl);
    const bad = await sock.request({ type: 'hello', version: 1, token: 'x'.repeat(43) });
    expect(bad.type === 'error' && bad.error.code).toBe('unauthenticated');
    expect(HelloResult.parse(await sock.call({ type: 'hello', version: 1, token: a.token })).user.id).toBe(a.user.id);
  });

  it('answers hostile frames with typed errors and never logs at error level', async () => {
    const { logger, lines } = capturedLogger();
    await using srv = await startTestServer({ logger });
    const sock = await TestSocket.connect(srv.wsUrl);
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    sock.sendRaw(`{"type":${deep},"ref":"deep"}`);
    const deepType = ErrorFrame.parse(await sock.waitFor((f) => 'ref' in f && f.ref === 'deep'));
    expect(deepType.error.code).toBe('unknown_frame_type');
    expect(deepType.error.message.length).toBeLessThan(100);
    for (const [ref, frame] of [
      ['d2', `{"type":"hello","ref":"d2","version":1,"token":${deep}}`],
      ['d3', `{"type":"ping","ref":"d3","x":${deep}}`],
      ['d4', `{"type":"${'x'.repeat(30_000)}","ref":"d4"}`],
    ] as const) {
      sock.sendRaw(frame);
      const answer = ErrorFrame.parse(await sock.waitFor((f) => 'ref' in f && f.ref === ref));
      expect(answer.error.code).not.toBe('internal');
      expect(answer.error.message.length).toBeLessThan(200);
    }
    // A malformed cookie on the upgrade is ignored, not a failed upgrade.
    const badCookie = await TestSocket.connect(srv.wsUrl, undefined, { cookie: 'rounds_session=%E0%A4%A' });
    const noHello = await badCookie.request({ type: 'hello', version: 1 });
    expect(noHello.type === 'error' && noHello.error.code).toBe('unauthenticated');
    expect((await sock.call({ type: 'ping' })).now).toBeTruthy();
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('counts every frame against the flood budget before parsing it', async () => {
    await using srv = await startTestServer();
    const sock = await TestSocket.connect(srv.wsUrl);
    for (let i = 0; i < 400; i++) sock.sendRaw('{not json');
    // Sent in the same burst: a command over budget still names its ref, so its sender knows what to retry.
    const over = await sock.request({ type: 'ping' });
    expect(over.type === 'error' && over.error.code).toBe('rate_limited');
    expect(over.ref).toBeTruthy();
    await sock.waitFor(() => sock.ofType('error').length >= 400);
    const codes = sock
      .ofType('error')
      .filter((f) => f.ref === undefined)
      .map((f) => f.error.code);
    expect(codes.filter((c) => c === 'malformed_frame').length).toBeLessThanOrEqual(310);
    expect(codes).toContain('rate_limited');
  });
});
