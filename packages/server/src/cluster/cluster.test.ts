import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerUser, type TestUser } from '../test/client';
import { type Node, startCluster, startNginx, TestRedis } from './cluster';
import { ResilientClient } from './resilient-client';

// Runs only in the `cluster` project, which vitest.config.ts enables when TEST_DATABASE_URL is set.
const schema = `cluster_${process.pid}_${Date.now().toString(36)}`;
let redis: TestRedis;
let nodes: Node[] = [];

async function until(check: () => boolean, ms = 30_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let admin: TestUser | undefined;

/** A room created by the cluster's admin (the first account), with n members including the admin. */
async function setupRoom(base: string, n: number): Promise<{ roomId: string; users: TestUser[] }> {
  admin ??= await registerUser(base);
  const owner = admin;
  const room = await api(base, 'POST', '/rooms', { name: `Cluster ${Math.random()}`, capacity: 100 }, owner.token);
  expect(room.status).toBe(201);
  const users = [owner];
  for (let i = 1; i < n; i++) {
    const u = await registerUser(base);
    expect((await api(base, 'POST', `/rooms/${room.body.id}/join`, undefined, u.token)).status).toBe(200);
    users.push(u);
  }
  return { roomId: room.body.id, users };
}

/** Every acknowledged send is in every client's view exactly once, and each view is in seq order. */
function expectConverged(clients: ResilientClient[], roomId: string): void {
  const acked = new Set(clients.flatMap((c) => [...c.acked]));
  for (const c of clients) {
    const mine = [...c.messages.values()].filter((m) => m.roomId === roomId);
    const ids = mine.map((m) => m.clientMsgId).filter((id) => acked.has(id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(acked);
    const seqs = mine.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  }
}

describe('several nodes on PostgreSQL and Redis', () => {
  beforeAll(async () => {
    redis = await TestRedis.start();
    nodes = await startCluster(3, redis.url, schema);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGKILL')));
    await redis?.down();
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('clients spread over three nodes see every message once, in gapless seq order', async () => {
    const { roomId, users } = await setupRoom(nodes[0]!.url, 6);
    const urls = nodes.map((n) => n.wsUrl);
    const clients = users.map((u, i) => new ResilientClient(urls, u.token, [roomId], i));
    await Promise.all(clients.map((c) => c.start()));
    clients.forEach((c, i) => {
      for (let j = 0; j < 15; j++) c.send(roomId, `u${i}-m${j}`, `message ${j} from ${i}`);
    });
    await until(() => clients.every((c) => c.unacked === 0), 30_000, 'acks');
    await until(() => clients.every((c) => c.messages.size === 90), 30_000, 'deliveries');
    expectConverged(clients, roomId);
    const seqs = [...clients[0]!.messages.values()].map((m) => m.seq);
    expect(seqs.at(-1)! - seqs[0]! + 1).toBe(90);
    // Each node writes a room's events in seq order, waiting briefly for an earlier seq still crossing Redis,
    // so live gaps are the exception (before, about one delivery in eight across nodes was a gap). A few
    // may remain when a machine this loaded delays Redis past the 200 ms hold.
    const gaps = clients.reduce((n, c) => n + c.gapsSeen, 0);
    expect(gaps).toBeLessThanOrEqual(5);
    for (const c of clients) c.stop();
  }, 60_000);

  it('loses no acknowledged message when a node is killed mid-traffic; its clients move and sync', async () => {
    const { roomId, users } = await setupRoom(nodes[0]!.url, 6);
    const urls = nodes.map((n) => n.wsUrl);
    const clients = users.map((u, i) => new ResilientClient(urls, u.token, [roomId], i % 3));
    await Promise.all(clients.map((c) => c.start()));
    let sent = 0;
    const pump = setInterval(() => {
      for (const [i, c] of clients.entries()) c.send(roomId, `k${i}-${sent}`, `during kill ${sent}`);
      sent++;
    }, 20);
    await until(() => sent >= 15, 10_000, 'traffic');
    await nodes[2]!.kill('SIGKILL');
    await until(() => sent >= 40, 10_000, 'more traffic');
    clearInterval(pump);
    await until(() => clients.every((c) => c.unacked === 0), 30_000, 'acks after the kill');
    const total = sent * clients.length;
    await until(() => clients.every((c) => c.messages.size >= total), 30_000, 'convergence after the kill');
    expectConverged(clients, roomId);
    expect(clients.filter((_, i) => i % 3 === 2).every((c) => c.reconnects >= 1)).toBe(true);
    for (const c of clients) c.stop();
    await nodes[2]!.start();
  }, 90_000);

  it('recovers when Redis restarts mid-traffic: nodes resubscribe and clients resync', async () => {
    const { roomId, users } = await setupRoom(nodes[0]!.url, 4);
    const urls = nodes.map((n) => n.wsUrl);
    const clients = users.map((u, i) => new ResilientClient(urls, u.token, [roomId], i % 3));
    await Promise.all(clients.map((c) => c.start()));
    let sent = 0;
    const pump = setInterval(() => {
      for (const [i, c] of clients.entries()) c.send(roomId, `r${i}-${sent}`, `during redis restart ${sent}`);
      sent++;
    }, 25);
    await until(() => sent >= 10, 10_000, 'traffic');
    await redis.down();
    await new Promise((r) => setTimeout(r, 700));
    expect((await fetch(`${nodes[0]!.url}/readyz`)).status).toBe(503);
    await redis.up();
    await until(() => sent >= 50, 15_000, 'traffic after restart');
    clearInterval(pump);
    await until(() => clients.every((c) => c.unacked === 0), 30_000, 'acks');
    const total = sent * clients.length;
    await until(() => clients.every((c) => c.messages.size >= total), 30_000, 'convergence after the restart');
    expectConverged(clients, roomId);
    let ready = 0;
    for (let i = 0; i < 100 && ready !== 200; i++) {
      ready = (await fetch(`${nodes[0]!.url}/readyz`)).status;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(200);
    for (const c of clients) c.stop();
  }, 90_000);

  it('drains on SIGTERM: clients are told to reconnect and the node exits cleanly', async () => {
    const { roomId, users } = await setupRoom(nodes[0]!.url, 2);
    const clients = users.map((u) => new ResilientClient([nodes[1]!.wsUrl, nodes[0]!.wsUrl], u.token, [roomId], 0));
    await Promise.all(clients.map((c) => c.start()));
    const code = await nodes[1]!.kill('SIGTERM');
    expect(code).toBe(0);
    clients[0]!.send(roomId, 'after-drain', 'after the drain');
    await until(() => clients.every((c) => c.messages.size === 1), 15_000, 'delivery after drain');
    expect(clients.every((c) => c.reconnects >= 1)).toBe(true);
    for (const c of clients) c.stop();
    await nodes[1]!.start();
  }, 60_000);

  it('works behind nginx with docs/ops/rounds-nginx.conf: REST and WebSocket, and survives a node loss', async () => {
    const proxy = await startNginx(nodes);
    try {
      const { roomId, users } = await setupRoom(proxy.url, 2);
      const viaProxy = new ResilientClient([proxy.wsUrl], users[0]!.token, [roomId]);
      const direct = new ResilientClient([nodes[0]!.wsUrl], users[1]!.token, [roomId]);
      await Promise.all([viaProxy.start(), direct.start()]);
      viaProxy.send(roomId, 'through-nginx', 'sent through nginx');
      await until(() => direct.messages.size === 1, 10_000, 'delivery through nginx');
      await nodes[2]!.kill('SIGKILL');
      await nodes[1]!.kill('SIGKILL');
      viaProxy.send(roomId, 'after-loss', 'after two nodes died');
      await until(() => viaProxy.unacked === 0 && direct.messages.size === 2, 20_000, 'delivery after node loss');
      expectConverged([viaProxy, direct], roomId);
      viaProxy.stop();
      direct.stop();
    } finally {
      await proxy.stop();
      await nodes[1]!.start();
      await nodes[2]!.start();
    }
  }, 90_000);
});
