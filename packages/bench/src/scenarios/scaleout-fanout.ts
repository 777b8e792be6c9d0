/**
 * Scale-out fan-out: one room of N members spread over two Rounds nodes on PostgreSQL + Redis (half the
 * sockets on each; the sender on node 1), beside the single embedded (SQLite) node and the bare `ws`
 * broadcaster, all three held by the same client workers and sent to in turn, one message at a time, with
 * the fan-out scenario's machinery. Latency: send -> receipt by the last of the N − 1 receiving sockets,
 * wherever it is; for the 2-node lane that is the slower of node 1's local fan-out and node 2's fan-out of
 * the event it got through Redis.
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

export async function scaleoutFanout(ctx: Ctx): Promise<ScenarioResult> {
  const { seed } = ctx.seed;
  const N = ctx.sizes.fanoutMembers;
  const messages = ctx.sizes.scaleoutFanoutMessages;
  const receivers: ClientSpec[] = seed.users.slice(1, N).map((u) => ({ token: u.token }));
  const anon: ClientSpec[] = receivers.map(() => ({ roomId: 'bench' }));
  // Node 1 holds the sender and the first N/2 − 1 receivers, node 2 the other N/2.
  const onFirst = Math.ceil(N / 2) - 1;
  const workers = await Workers.start(ctx.sizes.fanoutWorkers);
  const stops: (() => Promise<void>)[] = [];
  const closers: (() => void)[] = [];
  try {
    const rounds = await openRounds(ctx);
    stops.push(() => rounds.stop());
    const floor = await startBaseline('ws');
    stops.push(() => floor.stop());
    console.log('  PostgreSQL + Redis, 2 nodes: schema, seed copy, nodes…');
    const cluster: Cluster = await startCluster(ctx, 2, 'pg-fanout');
    stops.push(() => cluster.stop());
    console.log(`    seeded ${cluster.schema.name} in ${cluster.schema.seedSeconds.toFixed(1)} s`);
    const [n1, n2] = cluster.nodes as [ServerProc, ServerProc];

    const url = roundsSocketUrl(rounds);
    const c0 = await workers.connect('rounds', url, receivers, 64, 0);
    console.log(
      `  Rounds (SQLite): ${int(c0.connected)} clients connected and said hello in ${(c0.ms / 1000).toFixed(1)} s`,
    );
    const c1 = await workers.connect('ws', wsUrl(floor.url, '/fanout'), anon, 64, 1);
    console.log(`  ws floor: ${int(c1.connected)} clients connected in ${(c1.ms / 1000).toFixed(1)} s`);
    const c2a = await workers.connect('rounds', roundsSocketUrl(n1), receivers.slice(0, onFirst), 64, 2);
    const c2b = await workers.connect('rounds', roundsSocketUrl(n2), receivers.slice(onFirst), 64, 2);
    console.log(
      `  Rounds (PostgreSQL + Redis): ${int(c2a.connected)} + ${int(c2b.connected)} clients connected and said hello in ${((c2a.ms + c2b.ms) / 1000).toFixed(1)} s`,
    );

    const token0 = (seed.users[0] as { token: string }).token;
    const sender = await RoundsClient.connect(url, token0);
    closers.push(() => sender.ws.terminate());
    const clusterSender = await RoundsClient.connect(roundsSocketUrl(n1), token0);
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
    const send = (client: RoundsClient, prefix: string) => (k: number) => {
      client
        .call('message.send', {
          type: 'message.send',
          roomId: seed.fanoutRoom,
          clientMsgId: `${prefix}-${tag}-${k}`,
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
    const lanes = [
      lane('Rounds, SQLite, 1 node', [rounds], c0.ms, send(sender, 'so1'), () => Buffer.byteLength(template)),
      lane(
        'ws floor',
        [floor],
        c1.ms,
        (k) => wsSender.send(frameFor(k)),
        () => Buffer.byteLength(frameFor(0)),
      ),
      lane('Rounds, PostgreSQL + Redis, 2 nodes', [n1, n2], c2a.ms + c2b.ms, send(clusterSender, 'so2'), () =>
        Buffer.byteLength(clusterFrame),
      ),
    ];
    // Per-node CPU over the whole paced phase (each node is idle while the other lanes are measured).
    const perNode0 = [n1.cpuSeconds(), n2.cpuSeconds(), cluster.redis.cpuSeconds()];
    await paced(ctx, workers, lanes, messages);
    const perNode = [n1.cpuSeconds(), n2.cpuSeconds(), cluster.redis.cpuSeconds()].map(
      (v, i) => v - (perNode0[i] ?? 0),
    );
    if (sendError) throw sendError;
    return report(ctx, N, receivers.length, onFirst, workers, lanes, perNode, messages);
  } finally {
    for (const close of closers) close();
    await workers.stop();
    for (const stop of stops.reverse()) await stop();
  }
}

function report(
  ctx: Ctx,
  N: number,
  receivers: number,
  onFirst: number,
  workers: Workers,
  lanes: Lane[],
  perNode: number[],
  messages: number,
): ScenarioResult {
  const [single, floor, two] = lanes.map((l) => ({ ...l, s: summarize(l.lat) })) as [
    Lane & { s: Summary },
    Lane & { s: Summary },
    Lane & { s: Summary },
  ];
  for (const l of [single, floor, two])
    console.log(`  ${l.name}: p50 ${ms(l.s.p50)}, p99 ${ms(l.s.p99)}, lost ${l.lost}`);
  const sent = messages + ctx.sizes.fanoutWarmup;
  const perMsg = (cpu: number) => `${((cpu * 1000) / sent).toFixed(0)} ms`;
  const row = (l: Lane & { s: Summary }, nodes: string, cpu: string): string[] => [
    l.name,
    nodes,
    ms(l.s.p50),
    ms(l.s.p99),
    ms(l.s.max),
    ratio(l.s.p50 / floor.s.p50),
    ratio(l.s.p99 / floor.s.p99),
    cpu,
    `${l.bytes()} B`,
    String(l.lost),
  ];
  const cpuOf = (l: Lane) => `${((l.cpu * 1000) / Math.max(1, l.lat.length)).toFixed(0)} ms`;
  return {
    id: 'scaleout-fanout',
    title: `Scale-out fan-out: one room of ${int(N)} members over 2 nodes (PostgreSQL + Redis)`,
    setup:
      `${int(receivers)} receiving sockets per deployment, split over ${workers.list.length} worker processes, plus the sender's socket. ` +
      `2-node deployment: ${int(onFirst)} receivers and the sender on node 1, ${int(receivers - onFirst)} receivers on node 2. ` +
      `${messages} measured messages per deployment after ${ctx.sizes.fanoutWarmup} warm-up ones, sent to the three in turn; each is sent once the previous reached every client, then ${ctx.sizes.fanoutGapMs} ms. ` +
      'Latency: send (sender clock) to receipt by the last client (worker clock, offset-corrected). The floor broadcasts the frame Rounds delivered.',
    table: [
      [
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
      row(single, int(receivers + 1), cpuOf(single)),
      row(floor, int(receivers + 1), cpuOf(floor)),
      row(
        two,
        `${int(onFirst + 1)} + ${int(receivers - onFirst)}`,
        `${cpuOf(two)} (${perMsg(perNode[0] ?? 0)} + ${perMsg(perNode[1] ?? 0)})`,
      ),
    ],
    targets: [
      {
        what: '2 nodes p99 vs 1 node (SQLite) p99',
        target: 'measured (no target set)',
        value: `${ms(two.s.p99)} vs ${ms(single.s.p99)} (${ratio(two.s.p99 / single.s.p99)})`,
        met: undefined,
      },
      {
        what: '2 nodes p99 vs ws floor',
        target: 'measured (no target set)',
        value: ratio(two.s.p99 / floor.s.p99),
        met: undefined,
      },
    ],
    notes: [
      `Worker clock offsets ≤ ${(workers.maxOffsetMs * 1000).toFixed(0)} µs. Server CPU per message includes the ${ctx.sizes.fanoutGapMs} ms gap after it; for 2 nodes it is both nodes together, ` +
        `and in brackets each node's CPU over the whole run divided by the ${sent} messages sent to it (warm-up included, idle time while the other lanes were measured included). Redis used ${perMsg(perNode[2] ?? 0)} per message.`,
      `Connecting ${int(receivers)} clients: Rounds SQLite (with hello) ${(single.connectMs / 1000).toFixed(1)} s, ws ${(floor.connectMs / 1000).toFixed(1)} s, 2 nodes (with hello, node 1 then node 2) ${(two.connectMs / 1000).toFixed(1)} s.`,
      'The 2-node lane stores each message in PostgreSQL (on this machine) instead of SQLite; node 2 learns of it from Redis pub/sub (one PUBLISH per event, every node subscribed to one channel) and fans it out to its own sockets.',
    ],
  };
}
