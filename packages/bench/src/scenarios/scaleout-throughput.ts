/**
 * Scale-out throughput: the throughput scenario (every member of 100 rooms of 10 sends as fast as its acks
 * allow) against three deployments held side by side and measured in alternating windows: the embedded
 * SQLite mode, PostgreSQL + Redis with one node, and PostgreSQL + Redis with two nodes, the clients of each
 * room split evenly over the two nodes (members alternate), so every message is delivered on both nodes:
 * locally by the node that stored it and through Redis by the other.
 */
import os from 'node:os';
import { type Cluster, pgCpuBetween, type StateSamples, startCluster } from '../cluster';
import { type Ctx, openRounds } from '../context';
import { roundsSocketUrl, type ServerProc } from '../servers';
import { int, ms, ratio, type ScenarioResult } from '../stats';
import { Workers } from '../workers';
import { type TpCounts, tpClients, tpWindow } from './throughput';

type Config = TpCounts & {
  name: string;
  nodes: ServerProc[];
  cluster: Cluster | undefined;
  nodeCpu: number[];
  pgCpu: number;
  redisCpu: number;
  connectMs: number;
  /** What the deployment's PostgreSQL backends were doing, sampled during its windows. */
  pgStates: StateSamples;
};

const config = (name: string, nodes: ServerProc[], cluster: Cluster | undefined, group: number): Config => ({
  name,
  nodes,
  cluster,
  group,
  acked: 0,
  delivered: 0,
  gaps: 0,
  seconds: 0,
  nodeCpu: nodes.map(() => 0),
  pgCpu: 0,
  redisCpu: 0,
  clientCpu: 0,
  errors: 0,
  firstError: undefined,
  connectMs: 0,
  pgStates: { samples: 0, byState: new Map() },
});

/** One window of a deployment, with the CPU of its nodes, its Redis and its PostgreSQL backends. */
function window(workers: Workers, c: Config, warmupMs: number, windowMs: number): Promise<void> {
  return tpWindow(workers, c, warmupMs, windowMs, async () => {
    const node0 = c.nodes.map((n) => n.cpuSeconds());
    const redis0 = c.cluster?.redis.cpuSeconds() ?? 0;
    const pg0 = (await c.cluster?.pgCpu()) ?? new Map<number, number>();
    const sampler = c.cluster?.sampleStates([...pg0.keys()]);
    return async () => {
      const states = await sampler?.stop();
      if (states) {
        c.pgStates.samples += states.samples;
        for (const [k, v] of states.byState) c.pgStates.byState.set(k, (c.pgStates.byState.get(k) ?? 0) + v);
      }
      c.nodes.forEach((n, i) => {
        c.nodeCpu[i] = (c.nodeCpu[i] ?? 0) + n.cpuSeconds() - (node0[i] ?? 0);
      });
      if (c.cluster) {
        c.redisCpu += c.cluster.redis.cpuSeconds() - redis0;
        c.pgCpu += pgCpuBetween(pg0, await c.cluster.pgCpu());
      }
    };
  });
}

export async function scaleoutThroughput(ctx: Ctx): Promise<ScenarioResult> {
  const { tpWarmupMs, tpSeconds, tpWindows } = ctx.sizes;
  const clients = tpClients(ctx);
  const workers = await Workers.start(ctx.sizes.tpWorkers);
  const stops: (() => Promise<void>)[] = [];
  try {
    const sqlite = await openRounds(ctx);
    stops.push(() => sqlite.stop());
    console.log('  PostgreSQL + Redis, 1 node: schema, seed copy, node…');
    const one = await startCluster(ctx, 1, 'pg-1');
    stops.push(() => one.stop());
    console.log(`    seeded ${one.schema.name} in ${one.schema.seedSeconds.toFixed(1)} s`);
    console.log('  PostgreSQL + Redis, 2 nodes: schema, seed copy, nodes…');
    const two = await startCluster(ctx, 2, 'pg-2');
    stops.push(() => two.stop());
    console.log(`    seeded ${two.schema.name} in ${two.schema.seedSeconds.toFixed(1)} s`);

    const configs = [
      config('Rounds, SQLite (embedded), 1 node', [sqlite], undefined, 0),
      config('Rounds, PostgreSQL + Redis, 1 node', one.nodes, one, 1),
      config('Rounds, PostgreSQL + Redis, 2 nodes', two.nodes, two, 2),
    ];
    for (const c of configs) {
      // Client i goes to node i % nodes: each room of 10 has 5 members on each of two nodes.
      const t0 = Date.now();
      for (const [k, node] of c.nodes.entries()) {
        const mine = clients.filter((_, i) => i % c.nodes.length === k);
        await workers.connect('rounds', roundsSocketUrl(node), mine, 64, c.group);
      }
      c.connectMs = Date.now() - t0;
      console.log(`  ${c.name}: ${int(clients.length)} clients connected in ${(c.connectMs / 1000).toFixed(1)} s`);
    }
    for (let w = 0; w < tpWindows; w++) {
      for (const c of configs) await window(workers, c, w === 0 ? tpWarmupMs : 1000, (tpSeconds * 1000) / tpWindows);
    }
    return report(ctx, clients.length, workers, configs);
  } finally {
    await workers.stop();
    for (const stop of stops.reverse()) await stop();
  }
}

function report(ctx: Ctx, senders: number, workers: Workers, configs: Config[]): ScenarioResult {
  const [sqlite, one, two] = configs as [Config, Config, Config];
  const rate = (c: Config) => c.acked / c.seconds;
  const pct = (cpuSeconds: number, c: Config) => `${((cpuSeconds / c.seconds) * 100).toFixed(0)}%`;
  for (const c of configs) {
    console.log(
      `  ${c.name}: ${int(rate(c))} acked msg/s, ${int(c.delivered / c.seconds)} deliveries/s, node CPU ${c.nodeCpu.map((x) => pct(x, c)).join(' / ')}` +
        `, PostgreSQL ${pct(c.pgCpu, c)}, Redis ${pct(c.redisCpu, c)}, live gaps ${c.gaps} in ${int(c.delivered)} deliveries, errors ${c.errors}`,
    );
  }
  const row = (c: Config): string[] => [
    c.name,
    int(rate(c)),
    int(c.delivered / c.seconds),
    ratio(rate(c) / rate(sqlite)),
    ms((senders / rate(c)) * 1000),
    c.nodeCpu.map((x) => pct(x, c)).join(' + '),
    c.cluster ? pct(c.pgCpu, c) : 'n/a (in process)',
    c.cluster ? pct(c.redisCpu, c) : 'n/a',
    pct(c.clientCpu, c),
    c.delivered > 0 ? ((c.gaps / c.delivered) * 10_000).toFixed(1) : 'n/a',
    String(c.errors),
  ];
  const cores = os.cpus().length;
  const sumCpu = (c: Config) => (c.nodeCpu.reduce((a, b) => a + b, 0) + c.pgCpu + c.redisCpu + c.clientCpu) / c.seconds;
  const notes = [
    `Each deployment holds its own ${int(senders)} clients (${workers.list.length} worker process(es)) the whole time; they are measured in ${ctx.sizes.tpWindows} rounds of alternating windows ` +
      `(SQLite, PostgreSQL 1 node, PostgreSQL 2 nodes, SQLite, …), ${sqlite.seconds.toFixed(1)} s / ${one.seconds.toFixed(1)} s / ${two.seconds.toFixed(1)} s in all, each window after ` +
      `${ctx.sizes.tpWarmupMs / 1000} s (first) or 1 s of warm-up. Mean ack latency is senders / acked rate (one in flight per sender).`,
    "Live gaps: a client counts a message.created whose seq skips past the last it saw in its room. Across two nodes each node puts every room's events back in seq order before writing them (an event waits up to 200 ms for an earlier seq still in Redis), so a gap means an event truly went missing or waited out the hold. " +
      'PostgreSQL 15 (fsync on, synchronous_commit on) and Redis 7 run on this same machine; each PostgreSQL deployment has a schema and a redis-server of its own. ' +
      'PostgreSQL CPU is that of the backends serving the deployment’s nodes (matched by their client ports); a window’s Rounds CPU column lists each node.',
    `Everything shares ${cores} cores: in the 2-node windows the two nodes, PostgreSQL, Redis and the client process together used ${(sumCpu(two) * 100).toFixed(0)}% ` +
      `(1 node: ${(sumCpu(one) * 100).toFixed(0)}%, SQLite: ${(sumCpu(sqlite) * 100).toFixed(0)}%) of ${cores * 100}%. ` +
      'A second node here adds no cores, only a second process competing for the same two; what the 2-node figure shows is the cost of the cross-node path (every message through Redis and written by both nodes), not the gain of scaling out.',
  ];
  for (const c of [one, two]) {
    const st = c.pgStates;
    if (st.samples === 0) continue;
    const parts = [...st.byState].sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${(v / st.samples).toFixed(2)}`);
    notes.push(
      `${c.name}: PostgreSQL backends not idle, on average at any moment (pg_stat_activity sampled every 50 ms, ${st.samples} samples): ${parts.join(', ') || 'none'}. ` +
        '“idle in transaction” is a backend waiting inside a transaction for the node’s next query; Lock/transactionid or tuple is a wait for another transaction’s row lock; IO/WALSync is the commit’s fsync. ' +
        'A node’s write batcher keeps one transaction open at a time, so with one node “idle in transaction” plus the “active” states is the share of time a batch is being written (the rest it is doing other work or waiting for sends).',
    );
  }
  for (const c of configs) if (c.firstError) notes.push(`First error (${c.name}): ${c.firstError}`);
  return {
    id: 'scaleout-throughput',
    title: `Scale-out throughput: ${int(senders)} senders in ${ctx.seed.seed.tpRooms.length} rooms of ${ctx.seed.seed.plan.tpRoomSize}, SQLite vs PostgreSQL + Redis on 1 and 2 nodes`,
    setup:
      'The throughput scenario’s load (every client sends message.send as soon as its previous one is acked; each message goes to the 10 members of its room) against three deployments in the same run. ' +
      'With 2 nodes the members of every room alternate between the nodes (5 + 5), so each message is stored once, delivered to 5 sockets by its node and to 5 by the other node through Redis. ' +
      'The PostgreSQL schemas hold the same accounts and rooms as the SQLite seed, copied over (see the notes at the top).',
    table: [
      [
        'deployment',
        'acked msg/s',
        'deliveries/s',
        'vs SQLite',
        'mean ack latency',
        'Rounds CPU (per node)',
        'PostgreSQL CPU',
        'Redis CPU',
        'client CPU',
        'live gaps per 10,000 deliveries',
        'errors',
      ],
      row(sqlite),
      row(one),
      row(two),
    ],
    targets: [
      {
        what: 'PostgreSQL + Redis, 2 nodes vs 1 node, acked msg/s',
        target: 'measured (no target set)',
        value: `${int(rate(two))} vs ${int(rate(one))} (${ratio(rate(two) / rate(one))})`,
        met: undefined,
      },
      {
        what: 'PostgreSQL + Redis, 2 nodes: live gaps per 10,000 deliveries (each costs the client a sync)',
        target: 'measured (no target set)',
        value: `${two.delivered > 0 ? ((two.gaps / two.delivered) * 10_000).toFixed(1) : 'n/a'} (${int(two.gaps)} in ${int(two.delivered)})`,
        met: undefined,
      },
      {
        what: 'PostgreSQL + Redis, 1 node vs SQLite, acked msg/s',
        target: 'measured (no target set)',
        value: `${int(rate(one))} vs ${int(rate(sqlite))} (${ratio(rate(one) / rate(sqlite))})`,
        met: undefined,
      },
    ],
    notes,
  };
}
