/**
 * Fan-out: one sender in a room of N connected members. Each message is sent only after the previous one
 * reached the last client (plus a short gap), so broadcasts never queue; latency is send -> last delivery.
 * The same client workers also hold N sockets to a bare `ws` broadcaster (the floor) and N to Socket.IO;
 * messages go to the three servers in turn (Rounds, floor, Socket.IO, Rounds, …), so all three see the same
 * machine conditions, and the baselines' sender sends the very frame Rounds delivered (the same bytes).
 */

import fs from 'node:fs';
import path from 'node:path';
import { type Ctx, openRounds } from '../context';
import type { ClientSpec } from '../ipc';
import { markOf, now } from '../ipc';
import { logDir, sleep } from '../procs';
import { openRaw, openSocketIo, RoundsClient } from '../rounds-client';
import { roundsSocketUrl, type ServerProc, startBaseline, wsUrl } from '../servers';
import { int, ms, ratio, type ScenarioResult, type Summary, summarize } from '../stats';
import { Workers } from '../workers';

export const FILLER =
  'Disinfection at our fever clinic: 1000 mg/L chlorine for surfaces, 75% alcohol for hands, N95 and goggles in the isolation ward. Photo of the set-up in the thread.';

export type Lane = {
  name: string;
  /** CPU seconds used so far by the lane's server process(es). */
  cpuSeconds: () => number;
  connectMs: number;
  send: (k: number) => void;
  bytes: () => number;
  lat: number[];
  /** Send times (ms since the epoch) of the measured messages, beside `lat`. */
  sentAt: number[];
  lost: number;
  cpu: number;
};

/** Sends rounds x lanes marks, one at a time: mark k goes to lane k % lanes; warm-up rounds are not recorded. */
export async function paced(
  ctx: Ctx,
  workers: Workers,
  lanes: Lane[],
  fanoutMessages = ctx.sizes.fanoutMessages,
): Promise<void> {
  const { fanoutWarmup, fanoutGapMs, fanoutTimeoutMs } = ctx.sizes;
  await workers.fanout(lanes.length);
  for (let round = 0; round < fanoutWarmup + fanoutMessages; round++) {
    for (const [i, lane] of lanes.entries()) {
      const k = round * lanes.length + i;
      const got = workers.waitGot(k, fanoutTimeoutMs);
      const cpu0 = lane.cpuSeconds();
      const sentAt = now();
      lane.send(k);
      const at = await got;
      if (at === undefined) {
        lane.lost++;
        if (lane.lost >= 5) throw new Error(`fan-out: ${lane.lost} ${lane.name} messages never reached every client`);
      } else if (round >= fanoutWarmup) {
        lane.lat.push(at - sentAt);
        lane.sentAt.push(sentAt);
      }
      await sleep(fanoutGapMs);
      if (round >= fanoutWarmup) lane.cpu += lane.cpuSeconds() - cpu0;
    }
  }
}

export async function fanout(ctx: Ctx): Promise<ScenarioResult> {
  const { seed } = ctx.seed;
  const N = ctx.sizes.fanoutMembers;
  const receivers: ClientSpec[] = seed.users.slice(1, N).map((u) => ({ token: u.token }));
  const anon: ClientSpec[] = receivers.map(() => ({ roomId: 'bench' }));
  const workers = await Workers.start(ctx.sizes.fanoutWorkers);
  const servers: ServerProc[] = [];
  const closers: (() => void)[] = [];
  try {
    const rounds = await openRounds(ctx);
    servers.push(rounds);
    const floor = await startBaseline('ws');
    servers.push(floor);
    const sio = await startBaseline('sio');
    servers.push(sio);

    const url = roundsSocketUrl(rounds);
    const c0 = await workers.connect('rounds', url, receivers, 64, 0);
    console.log(`  Rounds: ${int(c0.connected)} clients connected and said hello in ${(c0.ms / 1000).toFixed(1)} s`);
    const c1 = await workers.connect('ws', wsUrl(floor.url, '/fanout'), anon, 64, 1);
    console.log(`  ws floor: ${int(c1.connected)} clients connected in ${(c1.ms / 1000).toFixed(1)} s`);
    const c2 = await workers.connect('sio', wsUrl(sio.url), anon, 64, 2);
    console.log(`  Socket.IO: ${int(c2.connected)} clients connected in ${(c2.ms / 1000).toFixed(1)} s`);

    const sender = await RoundsClient.connect(url, (seed.users[0] as { token: string }).token);
    closers.push(() => sender.ws.terminate());
    let template = '';
    let sendError: unknown;
    sender.onEvent = (frame, raw) => {
      if (frame.type === 'message.created') template = raw;
    };
    const wsSender = await openRaw(wsUrl(floor.url, '/fanout'));
    closers.push(() => wsSender.terminate());
    const sioSender = await openSocketIo(wsUrl(sio.url), 'bench');
    closers.push(() => sioSender.terminate());
    const frameFor = (k: number) => {
      if (!template) throw new Error('fan-out: the Rounds sender never received its own message');
      return template.replace(/#B\d{6}#/, markOf(k));
    };
    const tag = Date.now().toString(36);
    const lane = (
      name: string,
      server: ServerProc,
      connectMs: number,
      send: (k: number) => void,
      bytes: () => number,
    ): Lane => ({
      name,
      cpuSeconds: () => server.cpuSeconds(),
      connectMs,
      send,
      bytes,
      lat: [],
      sentAt: [],
      lost: 0,
      cpu: 0,
    });
    const lanes = [
      lane(
        'Rounds',
        rounds,
        c0.ms,
        (k) => {
          const body = `${markOf(k)} ${FILLER}`;
          sender
            .call('message.send', {
              type: 'message.send',
              roomId: seed.fanoutRoom,
              clientMsgId: `fo-${tag}-${k}`,
              body,
            })
            .catch((err: unknown) => {
              sendError ??= err;
            });
        },
        () => Buffer.byteLength(template),
      ),
      lane(
        'ws floor',
        floor,
        c1.ms,
        (k) => wsSender.send(frameFor(k)),
        () => Buffer.byteLength(frameFor(0)),
      ),
      lane(
        'Socket.IO',
        sio,
        c2.ms,
        (k) => sioSender.send(`42["m",${frameFor(k)}]`),
        () => Buffer.byteLength(`42["m",${frameFor(0)}]`),
      ),
    ];
    await paced(ctx, workers, lanes);
    if (sendError) throw sendError;
    // Every sample, for looking at outliers (e.g. do they line up with a server's heartbeat?).
    const samples = lanes.map((l) => ({ name: l.name, sentAt: l.sentAt, latencyMs: l.lat }));
    fs.writeFileSync(path.join(logDir, 'fanout-samples.json'), JSON.stringify(samples));
    return report(ctx, N, receivers.length, workers, lanes);
  } finally {
    for (const close of closers) close();
    await workers.stop();
    for (const s of servers) await s.stop();
  }
}

function report(ctx: Ctx, N: number, receivers: number, workers: Workers, lanes: Lane[]): ScenarioResult {
  const [rounds, floor, sio] = lanes.map((l) => ({ ...l, s: summarize(l.lat) })) as [
    Lane & { s: Summary },
    Lane & { s: Summary },
    Lane & { s: Summary },
  ];
  for (const l of [rounds, floor, sio])
    console.log(`  ${l.name}: p50 ${ms(l.s.p50)}, p99 ${ms(l.s.p99)}, lost ${l.lost}`);
  const r99 = rounds.s.p99 / floor.s.p99;
  const row = (l: Lane & { s: Summary }): string[] => [
    l.name,
    ms(l.s.p50),
    ms(l.s.p99),
    ms(l.s.max),
    ratio(l.s.p50 / floor.s.p50),
    ratio(l.s.p99 / floor.s.p99),
    `${((l.cpu * 1000) / Math.max(1, l.lat.length)).toFixed(0)} ms`,
    `${l.bytes()} B`,
    String(l.lost),
  ];
  return {
    id: 'fanout',
    title: `Fan-out: one sender, ${int(N)} connected members of one room`,
    setup:
      `${int(receivers)} receiving sockets per server, split over ${workers.list.length} worker processes, plus the sender's socket (it receives its own message too). ` +
      `${ctx.sizes.fanoutMessages} measured messages per server after ${ctx.sizes.fanoutWarmup} warm-up ones, sent to the servers in turn; each is sent once the previous reached every client, then ${ctx.sizes.fanoutGapMs} ms. ` +
      'Latency: send (sender clock) to receipt by the last client (worker clock, offset-corrected). The baselines broadcast the frame Rounds delivered.',
    table: [
      ['server', 'p50', 'p99', 'max', 'p50 / floor', 'p99 / floor', 'server CPU per message', 'frame', 'lost'],
      row(rounds),
      row(floor),
      row(sio),
    ],
    targets: [
      { what: 'Rounds p99 vs ws floor', target: '≤ 1.10×', value: ratio(r99), met: r99 <= 1.1 },
      {
        what: 'Rounds p99 vs Socket.IO',
        target: '< Socket.IO p99',
        value: `${ms(rounds.s.p99)} vs ${ms(sio.s.p99)}`,
        met: rounds.s.p99 < sio.s.p99,
      },
    ],
    notes: [
      `Worker clock offsets ≤ ${(workers.maxOffsetMs * 1000).toFixed(0)} µs (measured over IPC and corrected). Server CPU per message includes the ${ctx.sizes.fanoutGapMs} ms gap after it.`,
      `Connecting ${int(receivers)} clients: Rounds (with hello) ${(rounds.connectMs / 1000).toFixed(1)} s, ws ${(floor.connectMs / 1000).toFixed(1)} s, Socket.IO ${(sio.connectMs / 1000).toFixed(1)} s.`,
    ],
  };
}
