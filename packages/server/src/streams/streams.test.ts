import { describe, expect, it } from 'vitest';
import { inUnit } from '../events/unit';
import { api, registerUser } from '../test/client';
import { startTestServer } from '../test/server';
import { appendEvent, createStream, readStream, streamRooms } from './log';

describe('streams', () => {
  it('a stream other than a room takes gapless seqs of its own and syncs per stream', async () => {
    await using srv = await startTestServer();
    const owner = await registerUser(srv.url);
    const rooms = await Promise.all(
      ['Wuhan 1', 'Wuhan 2'].map(async (name) => (await api(srv.url, 'POST', '/rooms', { name }, owner.token)).body.id),
    );
    const deps = srv.rounds.deps;
    await inUnit(deps, (trx) => createStream(trx, 'lecture-1', 'lecture', rooms));
    expect(await streamRooms(deps.db, 'lecture-1')).toEqual([...rooms].sort());
    // Two writers at once: the counter's row lock keeps the seqs distinct and gapless.
    const append = (text: string) =>
      inUnit(deps, (trx) =>
        appendEvent(trx, { stream: 'lecture-1' }, (seq) => ({
          type: 'typing' as const,
          roomId: rooms[0],
          userId: text,
          threadRootId: null,
          seq,
        })),
      );
    const written = await Promise.all(['a', 'b', 'c'].map(append));
    expect(written.map((e) => e.seq).sort()).toEqual([1, 2, 3]);
    const page = await readStream(deps.db, 'lecture-1', 1, 500);
    expect(page).toMatchObject({ lastSeq: 3, hasMore: false });
    expect(page?.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(await readStream(deps.db, 'lecture-1', 0, 2)).toMatchObject({ hasMore: true });
    expect(await readStream(deps.db, 'no-such-stream', 0, 10)).toBeUndefined();
    // The rooms' own seqs are untouched by the stream's.
    const room = await api(srv.url, 'GET', `/rooms/${rooms[0]}`, undefined, owner.token);
    expect(room.body.lastSeq).toBe(1);
  });
});
