/**
 * Scale-out fan-out: one room of N members on PostgreSQL + Redis, first with ONE node holding every socket,
 * then with TWO nodes (half the sockets on each; the sender on node 1), each phase beside the single
 * embedded (SQLite) node and the bare `ws` broadcaster, all three held by the same client workers and sent
 * to in turn, one message at a time, with the fan-out scenario's machinery. Latency: send -> receipt by the
 * last of the N − 1 receiving sockets, wherever it is; for the 2-node lane that is the slower of node 1's
 * local fan-out and node 2's fan-out of the event it got through Redis.
 */

import { type Cluster, startCluster } from '../cluster';
import { type Ctx, openRounds } from '../context';
import type { ClientSpec } from '../ipc';
import { markOf } from '../ipc';
import { openRaw, RoundsClient } from '../rounds-client';
import { roundsSocketUrl, type ServerProc, startBaseline, wsUrl } from '../servers';
import { int, ms, ratio, type ScenarioResult, type Summary, summarize } from '../stats';
import { Workers } from '../workers';
import { FILLER, type Lane, paced } from './fanout';

type Phase = { lanes: [Lane, Lane, Lane]; onFirst: number; perNode: number[] };

export async function scaleoutFanout(ctx: Ctx): Promise<ScenarioResult> {
  const workers = await Workers.start(ctx.sizes.fanoutWorkers);
  const stops: (() => Promise<void>)[] = [];
  try {
    const rounds = await openRounds(ctx);
    stops.push(() => rounds.stop());
    const floor = await startBaseline('ws');
    stops.push(() => floor.stop());
    console.log('  PostgreSQL + Redis: schema, seed copy, node 1…');
    const cluster: Cluster = await startCluster(ctx, 1, 'pg-fanout');
    stops.push(() => cluster.stop());
    console.log(`    seeded ${cluster.schema.name} in ${cluster.schema.seedSeconds.toFixed(1)} s`);
    console.log('  phase 1: PostgreSQL + Redis with 1 node');
    const one = await phase(ctx, workers, rounds, floor, cluster, 'p1');
    console.log('  phase 2: PostgreSQL + Redis with 2 nodes (node 2 started)');
    await cluster.addNode();
    const two = await phase(ctx, workers, rounds, floor, cluster, 'p2');
    return report(ctx, workers, one, two);
  } finally {
    await workers.stop();
    for (const stop of stops.reverse()) await stop();
  }
}

/**
 * One measured phase: the SQLite node, the ws floor and the cluster (its receivers split evenly over its
 * nodes, the sender on node 1) each get N − 1 receiving sockets; then `paced` sends to the three in turn.
 * Every socket is closed at the end.
 */
async function phase(
  ctx: Ctx,
  workers: Workers,
  rounds: ServerProc,
  floor: ServerProc,
  cluster: Cluster,
  prefix: string,
): Promise<Phase> {
  const { seed } = ctx.seed;
  const N = ctx.sizes.fanoutMembers;
  const receivers: ClientSpec[] = seed.users.slice(1, N).map((u) => ({ token: u.token }));
  const anon: ClientSpec[] = receivers.map(() => ({ roomId: 'bench' }));
  const nodes = cluster.nodes;
  // Node 1 holds the sender and the first share of receivers minus one, so every node has N / nodes sockets.
  const share = Math.ceil(N / nodes.length);
  const onFirst = nodes.length === 1 ? receivers.length : share - 1;
  const closers: (() => void)[] = [];
  try {
    const url = roundsSocketUrl(rounds);
    const c0 = await workers.connect('rounds', url, receivers, 64, 0);
    console.log(
      `  Rounds (SQLite): ${int(c0.connected)} clients connected and said hello in ${(c0.ms / 1000).toFixed(1)} s`,
    );
    const c1 = await workers.connect('ws', wsUrl(floor.url, '/fanout'), anon, 64, 1);
    console.log(`  ws floor: ${int(c1.connected)} clients connected in ${(c1.ms / 1000).toFixed(1)} s`);
    let clusterConnectMs = 0;
    const counts: number[] = [];
    for (const [i, node] of nodes.entries()) {
      const from = i === 0 ? 0 : onFirst + (i - 1) * share;
      const part = receivers.slice(from, i === 0 ? onFirst : from + share);
      const c = await workers.connect('rounds', roundsSocketUrl(node), part, 64, 2);
      clusterConnectMs += c.ms;
      counts.push(c.connected);
    }
    console.log(
      `  Rounds (PostgreSQL + Redis): ${counts.map(int).join(' + ')} clients connected and said hello in ${(clusterConnectMs / 1000).toFixed(1)} s`,
    );

    const token0 = (seed.users[0] as { token: string }).token;
    const sender = await RoundsClient.connect(url, token0);
    closers.push(() => sender.ws.terminate());
    const clusterSender = await RoundsClient.connect(roundsSocketUrl(nodes[0] as ServerProc), token0);
    closers.push(() => clusterSender.ws.terminate());
    let template = '';
    let clusterFrame = '';
    let sendError: unknown;
    sender.onEvent = (frame, raw) => {
      if (frame.type === 'message.created') template = raw;
    };
    clusterSender.onEvent = (frame, raw) => {
      if (frame.type === 'message.created') clusterFrame = raw;
    };
    const wsSender = await openRaw(wsUrl(floor.url, '/fanout'));
    closers.push(() => wsSender.terminate());
    const frameFor = (k: number) => {
      if (!template) throw new Error('scaleout-fanout: the Rounds sender never received its own message');
      return template.replace(/#B\d{6}#/, markOf(k));
    };
    const tag = Date.now().toString(36);
    const send = (client: RoundsClient, lanePrefix: string) => (k: number) => {
      client
        .call('message.send', {
          type: 'message.send',
          roomId: seed.fanoutRoom,
          clientMsgId: `${prefix}${lanePrefix}-${tag}-${k}`,
          body: `${markOf(k)} ${FILLER}`,
        })
        .catch((err: unknown) => {
          sendError ??= err;
        });
    };
    const lane = (
      name: string,
      servers: ServerProc[],
      connectMs: number,
      sendFn: (k: number) => void,
      bytes: () => number,
    ): Lane => ({
      name,
      cpuSeconds: () => servers.reduce((n, s) => n + s.cpuSeconds(), 0),
      connectMs,
      send: sendFn,
      bytes,
      lat: [],
      sentAt: [],
      lost: 0,
      cpu: 0,
    });
    const n = nodes.length;
    const lanes: [Lane, Lane, Lane] = [
      lane('Rounds, SQLite, 1 node', [rounds], c0.ms, send(sender, 's'), () => Buffer.byteLength(template)),
      lane(
        'ws floor',
        [floor],
        c1.ms,
        (k) => wsSender.send(frameFor(k)),
        () => Buffer.byteLength(frameFor(0)),
      ),
      lane(
        `Rounds, PostgreSQL + Redis, ${n} node${n === 1 ? '' : 's'}`,
        [...nodes],
        clusterConnectMs,
        send(clusterSender, 'c'),
        () => Buffer.byteLength(clusterFrame),
      ),
    ];
    // Per-node CPU over the whole paced phase (the nodes are idle while the other lanes are measured).
    const cpuNow = () => [...nodes.map((s) => s.cpuSeconds()), cluster.redis.cpuSeconds()];
    const perNode0 = cpuNow();
    await paced(ctx, workers, lanes, ctx.sizes.scaleoutFanoutMessages);
    const perNode = cpuNow().map((v, i) => v - (perNode0[i] ?? 0));
    if (sendError) throw sendError;
    for (const l of lanes) {
      const s = summarize(l.lat);
      console.log(`  ${l.name}: p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, lost ${l.lost}`);
    }
    return { lanes, onFirst, perNode };
  } finally {
    for (const close of closers) close();
    await workers.closeSockets();
  }
}

function report(ctx: Ctx, workers: Workers, one: Phase, two: Phase): ScenarioResult {
  const N = ctx.sizes.fanoutMembers;
  const receivers = N - 1;
  const messages = ctx.sizes.scaleoutFanoutMessages;
  const sent = messages + ctx.sizes.fanoutWarmup;
  const perMsg = (cpu: number) => `${((cpu * 1000) / sent).toFixed(0)} ms`;
  const cpuOf = (l: Lane) => `${((l.cpu * 1000) / Math.max(1, l.lat.length)).toFixed(0)} ms`;
  const rows: string[][] = [];
  const summaries = [one, two].map((p) => p.lanes.map((l) => summarize(l.lat)) as [Summary, Summary, Summary]);
  for (const [i, p] of [one, two].entries()) {
    const s = summaries[i] as [Summary, Summary, Summary];
    const floor = s[1];
    const nodes = p.perNode.length - 1;
    for (const [j, l] of p.lanes.entries()) {
      const ls = s[j] as Summary;
      const cluster = j === 2;
      const sockets = !cluster
        ? int(receivers + 1)
        : nodes === 1
          ? int(receivers + 1)
          : `${int(p.onFirst + 1)} + ${int(receivers - p.onFirst)}`;
      const cpu =
        cluster && nodes > 1
          ? `${cpuOf(l)} (${p.perNode
              .slice(0, nodes)
              .map((c) => perMsg(c))
              .join(' + ')})`
          : cpuOf(l);
      rows.push([
        String(i + 1),
        l.name,
        sockets,
        ms(ls.p50),
        ms(ls.p99),
        ms(ls.max),
        ratio(ls.p50 / floor.p50),
        ratio(ls.p99 / floor.p99),
        cpu,
        `${l.bytes()} B`,
        String(l.lost),
      ]);
    }
  }
  const [s1, s2] = summaries as [[Summary, Summary, Summary], [Summary, Summary, Summary]];
  const redisPerMsg = (p: Phase) => perMsg(p.perNode.at(-1) ?? 0);
  return {
    id: 'scaleout-fanout',
    title: `Scale-out fan-out: one room of ${int(N)} members on PostgreSQL + Redis, 1 node and 2 nodes`,
    setup:
      `Two phases, each with ${int(receivers)} receiving sockets per deployment (split over ${workers.list.length} worker processes) plus the sender's socket: ` +
      `phase 1 with one PostgreSQL + Redis node holding every socket, phase 2 after a second node joined (${int(two.onFirst)} receivers and the sender on node 1, ${int(receivers - two.onFirst)} on node 2). ` +
      `Every phase measures the embedded SQLite node and the ws floor again beside the cluster: ${messages} measured messages per deployment after ${ctx.sizes.fanoutWarmup} warm-up ones, sent to the three in turn; each is sent once the previous reached every client, then ${ctx.sizes.fanoutGapMs} ms. ` +
      'Latency: send (sender clock) to receipt by the last client (worker clock, offset-corrected). The floor broadcasts the frame Rounds delivered. Ratios are against the floor of the same phase.',
    table: [
      [
        'phase',
        'deployment',
        'sockets per node',
        'p50',
        'p99',
        'max',
        'p50 / floor',
        'p99 / floor',
        'server CPU per message',
        'frame',
        'lost',
      ],
      ...rows,
    ],
    targets: [
      {
        what: 'PostgreSQL + Redis, 1 node p99 vs SQLite p99 (phase 1)',
        target: 'measured (no target set)',
        value: `${ms(s1[2].p99)} vs ${ms(s1[0].p99)} (${ratio(s1[2].p99 / s1[0].p99)})`,
        met: undefined,
      },
      {
        what: 'PostgreSQL + Redis, 2 nodes p99 vs SQLite p99 (phase 2)',
        target: 'measured (no target set)',
        value: `${ms(s2[2].p99)} vs ${ms(s2[0].p99)} (${ratio(s2[2].p99 / s2[0].p99)})`,
        met: undefined,
      },
      {
        what: 'PostgreSQL + Redis p99 vs ws floor, 1 node / 2 nodes',
        target: 'measured (no target set)',
        value: `${ratio(s1[2].p99 / s1[1].p99)} / ${ratio(s2[2].p99 / s2[1].p99)}`,
        met: undefined,
      },
    ],
    notes: [
      `Worker clock offsets ≤ ${(workers.maxOffsetMs * 1000).toFixed(0)} µs. Server CPU per message includes the ${ctx.sizes.fanoutGapMs} ms gap after it; for 2 nodes it is both nodes together, ` +
        `and in brackets each node's CPU over the whole phase divided by the ${sent} messages sent to it (warm-up included, idle time while the other lanes were measured included). Redis used ${redisPerMsg(one)} (1 node) and ${redisPerMsg(two)} (2 nodes) per message.`,
      `Connecting ${int(receivers)} clients, phase 1 / phase 2: Rounds SQLite (with hello) ${(one.lanes[0].connectMs / 1000).toFixed(1)} / ${(two.lanes[0].connectMs / 1000).toFixed(1)} s, ws ${(one.lanes[1].connectMs / 1000).toFixed(1)} / ${(two.lanes[1].connectMs / 1000).toFixed(1)} s, PostgreSQL + Redis (with hello) ${(one.lanes[2].connectMs / 1000).toFixed(1)} / ${(two.lanes[2].connectMs / 1000).toFixed(1)} s.`,
      'The cluster lanes store each message in PostgreSQL (on this machine) instead of SQLite and publish it to Redis (one PUBLISH per event, every node subscribed to one channel); with 1 node the event comes back to the node that published it and is not delivered twice, with 2 nodes node 2 fans it out to its own sockets.',
    ],
  };
}
