import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { MemberJoined, MembershipChanged, MessageCreated } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, registerUser, TestSocket } from '../test/client';
import { connectAll, roomWithMembers } from '../test/fixtures';
import { startTestServer } from '../test/server';
import type { Envelope } from './bus';
import { inUnit } from './unit';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/rounds.mjs');

/** Every batch the bus hands its subscribers, captured in order. */
function capture(srv: Awaited<ReturnType<typeof startTestServer>>): Envelope[][] {
  const batches: Envelope[][] = [];
  srv.rounds.deps.bus.subscribe({ name: 'test', deliver: (b) => void batches.push([...b]) });
  return batches;
}

describe('the event door', () => {
  it('publishes a unit’s events after commit, in order, and nothing when it rolls back', async () => {
    await using srv = await startTestServer();
    const batches = capture(srv);
    const owner = await registerUser(srv.url);
    const room = await api(srv.url, 'POST', '/rooms', { name: 'ICU' }, owner.token);
    // The creator's sockets are subscribed before the room hears member.joined.
    const [first] = batches;
    expect(first?.map((e) => e.event.type)).toEqual(['membership.changed', 'member.joined']);
    MembershipChanged.parse(first?.[0]?.event);
    expect(MemberJoined.parse(first?.[1]?.event).seq).toBe(1);

    const deps = srv.rounds.deps;
    await expect(
      inUnit(deps, async (trx, out) => {
        await trx.updateTable('rooms').set({ topic: 'changed' }).where('id', '=', room.body.id).execute();
        out.add({ user: owner.user.id }, { type: 'membership.changed', roomId: room.body.id, joined: true });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(batches).toHaveLength(1);
    const topic = await deps.db.selectFrom('rooms').select('topic').where('id', '=', room.body.id).executeTakeFirst();
    expect(topic?.topic).not.toBe('changed');
  });

  it('hands the batcher’s committed messages to every subscriber, and a failing subscriber harms no other', async () => {
    await using srv = await startTestServer();
    srv.rounds.deps.bus.subscribe({
      name: 'broken',
      deliver: () => {
        throw new Error('subscriber bug');
      },
    });
    const batches = capture(srv);
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [, b] = await connectAll(srv, [owner, members[0]!]);
    const sent = await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { clientMsgId: 'c1', body: 'hi' },
      owner.token,
    );
    expect(sent.status).toBe(201);
    const live = MessageCreated.parse(await b!.waitFor((f) => f.type === 'message.created'));
    const seen = batches.flat().filter((e) => e.event.type === 'message.created');
    expect(seen.map((e) => MessageCreated.parse(e.event).seq)).toEqual([live.seq]);
    b!.close();
  });

  it('addresses one event to several rooms and writes it once to a socket in both', async () => {
    await using srv = await startTestServer();
    const { roomId: a, owner } = await roomWithMembers(srv, 0);
    const b = (await api(srv.url, 'POST', '/rooms', { name: 'Second' }, owner.token)).body.id as string;
    const other = await registerUser(srv.url);
    await api(srv.url, 'POST', `/rooms/${b}/join`, undefined, other.token);
    const [mine, theirs] = await connectAll(srv, [owner, other]);
    srv.rounds.deps.bus.publish([
      { audience: { rooms: [a, b] }, event: { type: 'typing', roomId: a, userId: owner.user.id, threadRootId: null } },
      { audience: { room: a }, event: { type: 'typing', roomId: a, userId: other.user.id, threadRootId: null } },
    ]);
    // The second event (room a only) arrives after the first: when it is here, the first was delivered.
    await mine!.waitFor((f) => f.type === 'typing' && f.userId === other.user.id);
    expect(mine!.ofType('typing').filter((f) => f.userId === owner.user.id)).toHaveLength(1);
    await theirs!.waitFor((f) => f.type === 'typing' && f.userId === owner.user.id);
    expect(theirs!.ofType('typing').filter((f) => f.userId === other.user.id)).toHaveLength(0);
    mine!.close();
    theirs!.close();
  });
});

describe('events from another process', { timeout: 60_000 }, () => {
  it('closes the sockets of an account whose password the CLI resets, within seconds', async () => {
    // On PostgreSQL the nodes run with Redis too, as a cluster would: the signal path is the same.
    const redis = process.env.TEST_STORE === 'postgres' ? process.env.TEST_REDIS_URL : undefined;
    await using srv = await startTestServer({
      env: { ROUNDS_SIGNAL_POLL_MS: '100', ...(redis ? { REDIS_URL: redis } : {}) },
    });
    const user = await registerUser(srv.url, { email: 'stolen@example.org' });
    const bystander = await registerUser(srv.url);
    const [sock, other] = await connectAll(srv, [user, bystander]);
    const env: Record<string, string> = {
      ...process.env,
      ROUNDS_LOG_LEVEL: 'silent',
      ROUNDS_DATA_DIR: srv.dataDir,
      ROUNDS_ADMIN_PASSWORD: 'a brand new long passphrase',
    } as Record<string, string>;
    if (srv.pgSchema) {
      env.DATABASE_URL = process.env.TEST_DATABASE_URL as string;
      env.DATABASE_SCHEMA = srv.pgSchema;
    }
    await run(process.execPath, [bin, 'admin', 'reset-password', '--email', 'stolen@example.org'], { env });
    const closed = await sock!.closed;
    expect(closed.code).toBe(4001);
    expect(sock!.ofType('session.revoked').map((f) => f.sessionId)).toEqual([user.sessionId]);
    // The old token is refused, and nobody else was cut off.
    expect((await api(srv.url, 'GET', '/me', undefined, user.token)).status).toBe(401);
    expect(await other!.call({ type: 'ping' })).toHaveProperty('now');
    await expect(TestSocket.connect(srv.wsUrl, user.token)).rejects.toThrow('unauthenticated');
    other!.close();
  });
});
