import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TestSocket } from '../test/client';
import { roomWithMembers } from '../test/fixtures';
import { startTestServer } from '../test/server';
import { backupSqlite } from './backup';

describe.skipIf(process.env.TEST_STORE === 'postgres')('rounds backup (issue 11)', () => {
  it('copies in steps while the server keeps acknowledging sends, into a consistent database', async () => {
    await using srv = await startTestServer({
      env: { ROUNDS_RATE_MESSAGES_BURST: '100000', ROUNDS_RATE_MESSAGES_PER_SEC: '100000' },
    });
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const sock = await TestSocket.connect(srv.wsUrl, owner.token);
    // About 1,000 pages to copy, one per step (the socket's flood budget allows 300 frames at once).
    const body = 'ward round notes '.repeat(580);
    for (let chunk = 0; chunk < 3; chunk++) {
      await Promise.all(
        Array.from({ length: 90 }, (_, i) =>
          sock.call({ type: 'message.send', roomId, clientMsgId: `pre${chunk}-${i}`, body }),
        ),
      );
    }

    let acked = 0;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const res = await sock.request({ type: 'message.send', roomId, clientMsgId: `live${i}`, body: 'live' });
        if (res.type === 'ack') acked++;
      }
    })();
    const target = path.join(srv.dataDir, 'copy.sqlite');
    const ackedAtStart = acked;
    // One page per step: hundreds of steps, with the server (in this process: no pause) writing between them.
    // An online backup that restarts on every write (no pinned snapshot) never finishes here.
    const copied = await backupSqlite(path.join(srv.dataDir, 'rounds.sqlite'), target, { pagesPerStep: 1, pauseMs: 0 });
    const ackedDuring = acked - ackedAtStart;
    stop = true;
    await writer;
    expect(ackedDuring).toBeGreaterThan(0);
    // It never started over: about one step per page.
    expect(copied.steps).toBeLessThanOrEqual(copied.pages + 2);

    const copy = new SQLite(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const seqs = copy
        .prepare<[string], { seq: number }>('SELECT seq FROM messages WHERE room_id = ? ORDER BY seq')
        .all(roomId)
        .map((r) => r.seq);
      const room = copy.prepare<[string], { last_seq: number }>('SELECT last_seq FROM rooms WHERE id = ?').get(roomId);
      // A snapshot: every message up to the room's last seq, no gap, nothing beyond it.
      expect(seqs.length).toBeGreaterThanOrEqual(270);
      expect(seqs.at(-1)).toBe(room?.last_seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => (seqs[0] as number) + i));
    } finally {
      copy.close();
    }
  });
});
