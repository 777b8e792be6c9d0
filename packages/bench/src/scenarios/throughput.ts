/**
 * Throughput: every member of many small rooms sends as fast as its acks allow (one message in flight per
 * sender). Rounds acks only durable messages; the floor is a bare `ws` relay that stores nothing, relays
 * each message to the room's members and acks the sender.
 */
import os from 'node:os';
import { type Ctx, openRounds } from '../context';
import type { ClientSpec } from '../ipc';
import { sleep } from '../procs';
import { roundsSocketUrl, type ServerProc, startBaseline, wsUrl } from '../servers';
import { int, ms, ratio, type ScenarioResult } from '../stats';
import { Workers } from '../workers';

/** The message every throughput sender sends (a realistic clinical length). */
export const tpBody =
  'Home quarantine or field hospital for mild cases? We moved ours to the exhibition centre last week; bed turnover doubled. Happy to share the triage sheet.';

type Run = TpCounts & {
  name: string;
  server: ServerProc;
  cpu: number;
  ackedPerSec: number;
  deliveredPerSec: number;
  rssMb: number;
};

const newRun = (name: string, server: ServerProc, group: number): Run => ({
  name,
  server,
  group,
  acked: 0,
  delivered: 0,
  gaps: 0,
  seconds: 0,
  cpu: 0,
  clientCpu: 0,
  errors: 0,
  firstError: undefined,
  ackedPerSec: 0,
  deliveredPerSec: 0,
  rssMb: 0,
});

/** What a deployment accumulates over its throughput windows. */
export type TpCounts = {
  /** The worker group its clients are in. */
  group: number;
  acked: number;
  delivered: number;
  /** Live gaps the clients saw (a seq skipped); each would cost a sync. */
  gaps: number;
  seconds: number;
  clientCpu: number;
  errors: number;
  firstError: string | undefined;
};

/** The throughput rooms' clients: member i of room j is seed user 1 + j × size + i. */
export function tpClients(ctx: Ctx): ClientSpec[] {
  const { seed } = ctx.seed;
  const size = seed.plan.tpRoomSize;
  return seed.tpRooms.flatMap((roomId, j) =>
    Array.from({ length: size }, (_, i) => ({
      token: (seed.users[1 + j * size + i] as { token: string }).token,
      roomId,
    })),
  );
}

/**
 * One window: the group's clients send for warm-up + window, and the counters are read between two marks.
 * `readings` starts the deployment's own readings (server CPU…) as the window opens and returns the function
 * that closes them.
 */
export async function tpWindow(
  workers: Workers,
  counts: TpCounts,
  warmupMs: number,
  windowMs: number,
  readings: () => Promise<() => Promise<void>>,
): Promise<void> {
  await workers.all({ op: 'tp-start', body: tpBody, group: counts.group });
  await sleep(warmupMs);
  const clientCpu0 = workers.cpuSeconds();
  const close = await readings();
  const a = await workers.tpMark();
  await sleep(windowMs);
  const b = await workers.tpMark();
  await close();
  counts.clientCpu += workers.cpuSeconds() - clientCpu0;
  await workers.all({ op: 'tp-stop' });
  counts.acked += b.acked - a.acked;
  counts.delivered += b.delivered - a.delivered;
  counts.gaps += b.gaps - a.gaps;
  counts.seconds += (b.at - a.at) / 1000;
  counts.errors += b.errors;
  counts.firstError ??= b.firstError;
}

/** One window of a single-server run, with that server's CPU. */
function window(workers: Workers, run: Run, warmupMs: number, windowMs: number): Promise<void> {
  return tpWindow(workers, run, warmupMs, windowMs, async () => {
    const cpu0 = run.server.cpuSeconds();
    return async () => {
      run.cpu += run.server.cpuSeconds() - cpu0;
    };
  });
}

export async function throughput(ctx: Ctx): Promise<ScenarioResult> {
  const { seed } = ctx.seed;
  const { tpWarmupMs, tpSeconds, tpWindows } = ctx.sizes;
  const size = seed.plan.tpRoomSize;
  const clients = tpClients(ctx);
  const workers = await Workers.start(ctx.sizes.tpWorkers);
  const servers: ServerProc[] = [];
  try {
    const server = await openRounds(ctx);
    servers.push(server);
    const relay = await startBaseline('ws');
    servers.push(relay);
    await workers.connect('rounds', roundsSocketUrl(server), clients, 64, 0);
    await workers.connect(
      'ws',
      wsUrl(relay.url, '/relay'),
      clients.map((c) => ({ roomId: c.roomId as string })),
      64,
      1,
    );
    const rounds = newRun('Rounds (SQLite)', server, 0);
    const floor = newRun('ws relay (floor)', relay, 1);
    for (let w = 0; w < tpWindows; w++) {
      for (const run of [rounds, floor])
        await window(workers, run, w === 0 ? tpWarmupMs : 1000, (tpSeconds * 1000) / tpWindows);
    }
    for (const r of [rounds, floor]) {
      r.ackedPerSec = r.acked / r.seconds;
      r.deliveredPerSec = r.delivered / r.seconds;
      r.cpu /= r.seconds;
      r.clientCpu /= r.seconds;
      r.rssMb = r.server.rssKb() / 1024;
      console.log(
        `  ${r.name}: ${int(r.ackedPerSec)} acked msg/s, ${int(r.deliveredPerSec)} deliveries/s, server CPU ${(r.cpu * 100).toFixed(0)}%` +
          `, mean ack latency ${ms((clients.length / r.ackedPerSec) * 1000)}, errors ${r.errors}`,
      );
    }
    const share = rounds.deliveredPerSec / floor.deliveredPerSec;
    const row = (r: Run): string[] => [
      r.name,
      int(r.ackedPerSec),
      int(r.deliveredPerSec),
      ratio(r.deliveredPerSec / floor.deliveredPerSec),
      ms((clients.length / r.ackedPerSec) * 1000),
      `${(r.cpu * 100).toFixed(0)}%`,
      `${r.rssMb.toFixed(0)} MB`,
      String(r.errors),
    ];
    const notes = [
      `Both servers hold the same ${int(clients.length)} clients (${workers.list.length} worker process(es)) and are measured in ${tpWindows} alternating windows ` +
        `(Rounds, floor, Rounds, …): ${rounds.seconds.toFixed(1)} s for Rounds and ${floor.seconds.toFixed(1)} s for the floor in all, each window after ` +
        `${tpWarmupMs / 1000} s (first) or 1 s of warm-up. Mean ack latency is senders / acked rate (one in flight per sender).`,
    ];
    notes.push(
      `The client worker process(es) used ${(rounds.clientCpu * 100).toFixed(0)}% CPU during the Rounds windows and ` +
        `${(floor.clientCpu * 100).toFixed(0)}% during the floor's, on a ${os.cpus().length}-core machine.`,
    );
    if (floor.ackedPerSec < 10_000) {
      notes.push(
        `The floor itself acks ${int(floor.ackedPerSec)} msg/s here: with the clients on the same cores, 10,000 acked msg/s is out of reach of any server on this machine.`,
      );
    }
    if (rounds.firstError) notes.push(`First Rounds error: ${rounds.firstError}`);
    return {
      id: 'throughput',
      title: `Throughput: ${int(clients.length)} senders in ${seed.tpRooms.length} rooms of ${size}`,
      setup:
        'Every client sends message.send as soon as its previous one is acked; each message is delivered to the 10 members of its room (sender included).',
      table: [
        [
          'server',
          'acked msg/s',
          'deliveries/s',
          'deliveries vs floor',
          'mean ack latency',
          'server CPU',
          'server RSS',
          'errors',
        ],
        row(rounds),
        row(floor),
      ],
      targets: [
        {
          what: 'Rounds acked messages/s',
          target: '≥ 10,000',
          value: int(rounds.ackedPerSec),
          met: rounds.ackedPerSec >= 10_000,
        },
        { what: 'Rounds deliveries/s vs floor', target: '≥ 0.50×', value: ratio(share), met: share >= 0.5 },
      ],
      notes,
    };
  } finally {
    await workers.stop();
    for (const s of servers) await s.stop();
  }
}
