import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerUser, TestSocket, type TestUser } from '../test/client';
import { type Node, startCluster, TestRedis } from './cluster';

// Runs in the `cluster` project. Two nodes with a small send burst, to see limits and presence hold across nodes.
const schema = `shared_${process.pid}_${Date.now().toString(36)}`;
let redis: TestRedis;
let nodes: Node[] = [];
let admin: TestUser;

describe('state shared through Redis', () => {
  beforeAll(async () => {
    redis = await TestRedis.start();
    nodes = await startCluster(2, redis.url, schema, {
      ROUNDS_RATE_MESSAGES_BURST: '6',
      ROUNDS_RATE_MESSAGES_PER_SEC: '0.01',
    });
    admin = await registerUser(nodes[0]!.url);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await redis?.down();
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('holds one send rate limit per user across nodes', async () => {
    const owner = admin;
    const room = await api(nodes[0]!.url, 'POST', '/rooms', { name: 'Limits' }, owner.token);
    const socks = await Promise.all(nodes.map((n) => TestSocket.connect(n.wsUrl, owner.token)));
    const results = [];
    for (let i = 0; i < 10; i++) {
      const sock = socks[i % 2]!;
      results.push(
        await sock.request({ type: 'message.send', roomId: room.body.id, clientMsgId: `l${i}`, body: `${i}` }),
      );
    }
    expect(results.filter((r) => r.type === 'ack')).toHaveLength(6);
    expect(results.filter((r) => r.type === 'error' && r.error.code === 'rate_limited')).toHaveLength(4);
    for (const s of socks) s.close();
  });

  it('shows a member online on every node, and offline once their last socket anywhere closes', async () => {
    const owner = admin;
    const other = await registerUser(nodes[0]!.url);
    const room = await api(nodes[0]!.url, 'POST', '/rooms', { name: 'Presence' }, owner.token);
    await api(nodes[0]!.url, 'POST', `/rooms/${room.body.id}/join`, undefined, other.token);
    const online = async (node: Node) => {
      const res = await api(node.url, 'GET', `/rooms/${room.body.id}/members`, undefined, owner.token);
      return res.body.members.find((m: { user: { id: string } }) => m.user.id === other.user.id).online as boolean;
    };
    expect(await online(nodes[1]!)).toBe(false);
    const watcher = await TestSocket.connect(nodes[1]!.wsUrl, owner.token);
    const onA = await TestSocket.connect(nodes[0]!.wsUrl, other.token);
    await watcher.waitFor((f) => f.type === 'presence' && f.userId === other.user.id && f.online);
    expect(await online(nodes[1]!)).toBe(true);
    const onB = await TestSocket.connect(nodes[1]!.wsUrl, other.token);
    onA.close();
    await onA.closed;
    await new Promise((r) => setTimeout(r, 300));
    expect(await online(nodes[0]!)).toBe(true);
    onB.close();
    await watcher.waitFor((f) => f.type === 'presence' && f.userId === other.user.id && !f.online);
    expect(await online(nodes[0]!)).toBe(false);
    watcher.close();
  });
});
