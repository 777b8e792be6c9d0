import { ErrorFrame, ErrorResponse } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { plainPng, upload } from './features/media/fixtures';
import { api, TestSocket } from './test/client';
import { roomWithMembers } from './test/fixtures';
import { startTestServer } from './test/server';

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

const readyz = async (url: string) => {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; reason?: string } };
};

// SQLite's page limit makes the database "full" with the very error a full disk gives (SQLITE_FULL), with
// no mount or root rights; an upload's ENOSPC comes from a media store whose writes fail as a full disk's do.
describe('a full store (issue 11)', () => {
  it.skipIf(process.env.TEST_STORE === 'postgres')(
    'answers sends with storage_full, reports it in /readyz and /metrics, and recovers when space frees',
    async () => {
      await using srv = await startTestServer();
      const { roomId, owner } = await roomWithMembers(srv, 0);
      const sock = await TestSocket.connect(srv.wsUrl, owner.token);
      const before = await sock.call({
        type: 'message.send',
        roomId,
        clientMsgId: 'before',
        body: 'stored before the disk fills',
      });
      const sqlite = srv.rounds.deps.database.sqlite!;
      const pages = sqlite.pragma('page_count', { simple: true }) as number;
      sqlite.pragma(`max_page_count = ${pages}`);
      expect((await readyz(srv.url)).status).toBe(200);

      // Large bodies need new pages at once.
      const body = 'full '.repeat(1800);
      const viaSocket = await sock.request({ type: 'message.send', roomId, clientMsgId: 'ws-full', body });
      const frame = ErrorFrame.parse(viaSocket);
      expect(frame.error.code).toBe('storage_full');
      expect((frame.error.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      const viaRest = await api(
        srv.url,
        'POST',
        `/rooms/${roomId}/messages`,
        { clientMsgId: 'rest-full', body },
        owner.token,
      );
      expect([viaRest.status, ErrorResponse.parse(viaRest.body).error.code]).toEqual([507, 'storage_full']);
      expect(viaRest.headers.get('retry-after')).toBe('5');
      expect(await readyz(srv.url)).toEqual({
        status: 503,
        body: expect.objectContaining({ ok: false, reason: 'storage_full' }),
      });
      expect(await metric(srv.url, 'rounds_storage_full_failures')).toBe(2);
      // Reads still work.
      const page = await api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, owner.token);
      expect(page.body.messages.map((m: { body: string }) => m.body)).toEqual(['stored before the disk fills']);

      // Space frees: the same retry goes through, with no restart.
      sqlite.pragma('max_page_count = 1073741823');
      const retried = await sock.call({ type: 'message.send', roomId, clientMsgId: 'ws-full', body });
      // The refused sends took no seq: no gap.
      expect(retried.message.seq).toBe(before.message.seq + 1);
      expect((await readyz(srv.url)).status).toBe(200);
    },
  );

  it('answers an upload that meets a full disk with storage_full and leaves no file behind', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const real = srv.rounds.deps.media;
    const written: string[] = [];
    const deleted: string[] = [];
    srv.rounds.deps.media = {
      size: (key) => real.size(key),
      read: (key, range) => real.read(key, range),
      delete: async (keys) => {
        deleted.push(...keys);
        await real.delete(keys);
      },
      // The first variant is written, the next finds the disk full.
      put: async (key, bytes, mime) => {
        if (written.length > 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        written.push(key);
        await real.put(key, bytes, mime);
      },
    };
    const res = await upload(srv.url, roomId, owner.token, await plainPng(), 'chart.png');
    expect([res.status, ErrorResponse.parse(res.body).error.code]).toEqual([507, 'storage_full']);
    expect(deleted).toEqual(expect.arrayContaining(written));
    expect(await real.size(written[0]!)).toBeUndefined();
    expect(await metric(srv.url, 'rounds_storage_full_failures')).toBe(1);

    srv.rounds.deps.media = real;
    expect((await upload(srv.url, roomId, owner.token, await plainPng(), 'chart.png')).status).toBe(201);
  });
});
