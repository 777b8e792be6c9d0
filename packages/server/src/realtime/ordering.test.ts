import { MessageCreated } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api } from '../test/client';
import { connectAll, roomWithMembers } from '../test/fixtures';
import { startTestServer, type TestServer } from '../test/server';

const redisUrl = process.env.TEST_REDIS_URL;

/**
 * Another node took `skipped` (its event is still crossing Redis, or lost); this node then stores the next
 * message, seq skipped + 1.
 */
async function sendAfterAGap(srv: TestServer, roomId: string, token: string, skipped: number): Promise<void> {
  await srv.rounds.deps.db.updateTable('rooms').set({ last_seq: skipped }).where('id', '=', roomId).execute();
  await api(srv.url, 'POST', `/rooms/${roomId}/messages`, { clientMsgId: 'b', body: 'three' }, token);
}

// A node orders a room's events whether they were committed here or arrived from another node through Redis.
describe.skipIf(!redisUrl)('cross-node ordering at one node', () => {
  it('holds a local event until the earlier seq from another node arrives, then writes both in order', async () => {
    await using srv = await startTestServer({ env: { REDIS_URL: redisUrl as string } });
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [reader] = await connectAll(srv, [members[0]!]);
    const first = await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { clientMsgId: 'a', body: 'one' },
      owner.token,
    );
    const one = MessageCreated.parse(await reader!.waitFor((f) => f.type === 'message.created'));
    expect(one.seq).toBe(first.body.message.seq);

    // Another node stored seq+1 and its event is still crossing Redis; this node stores seq+2 meanwhile.
    const remote = { ...one, seq: one.seq + 1, message: { ...one.message, id: 'remote-msg-0001', seq: one.seq + 1 } };
    await sendAfterAGap(srv, roomId, owner.token, one.seq + 1);
    srv.rounds.hub.deliverRemote({ room: roomId }, JSON.stringify(remote), 1, { stream: roomId, seq: remote.seq });
    await reader!.waitFor((f) => f.type === 'message.created' && f.seq === one.seq + 2);
    const seqs = reader!.ofType('message.created').map((f) => f.seq);
    expect(seqs).toEqual([one.seq, one.seq + 1, one.seq + 2]);
    reader!.close();
  });

  it('writes a later seq anyway once the hold time passes (the client then syncs)', async () => {
    await using srv = await startTestServer({ env: { REDIS_URL: redisUrl as string } });
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [reader] = await connectAll(srv, [members[0]!]);
    await api(srv.url, 'POST', `/rooms/${roomId}/messages`, { clientMsgId: 'a', body: 'one' }, owner.token);
    const one = MessageCreated.parse(await reader!.waitFor((f) => f.type === 'message.created'));
    await sendAfterAGap(srv, roomId, owner.token, one.seq + 1);
    const late = MessageCreated.parse(
      await reader!.waitFor((f) => f.type === 'message.created' && f.seq === one.seq + 2, 3000),
    );
    expect(late.message.body).toBe('three');
    expect(srv.rounds.hub.orderStats().released).toBeGreaterThanOrEqual(1);
    reader!.close();
  });
});
