/**
 * Memory: server RSS per connected, idle client. RSS is read from /proc/<pid>/status before any client
 * connects and after each step, once the server has been idle a few seconds and had two full garbage
 * collections (forced through its V8 inspector); per client = growth / N. The JS heap in use is read at
 * the same moments. Rounds clients are authenticated (hello acked), each a member of one room (a few of two).
 */
import { type Ctx, openRounds } from '../context';
import { Inspector } from '../inspector';
import type { ClientSpec, ServerKind } from '../ipc';
import { sleep } from '../procs';
import { roundsSocketUrl, type ServerProc, startBaseline, wsUrl } from '../servers';
import { int, kb, type ScenarioResult } from '../stats';
import { Workers } from '../workers';

type Step = { n: number; rssKb: number; perConnBytes: number; heapPerConnBytes: number; connectMs: number };
type Run = { name: string; baseKb: number; steps: Step[] };

/** Idle settle, then two full GCs; returns the JS heap in use. */
async function settle(ctx: Ctx, inspector: Inspector): Promise<number> {
  await sleep(ctx.sizes.memorySettleMs);
  const heap = await inspector.collect();
  await sleep(500);
  return heap;
}

const TARGET_BYTES = 12 * 1024;

async function measure(
  ctx: Ctx,
  server: ServerProc,
  workers: Workers,
  kind: ServerKind,
  url: string,
  clients: ClientSpec[],
): Promise<Run> {
  const inspector = await Inspector.connect(server.inspectPort as number);
  try {
    const baseHeap = await settle(ctx, inspector);
    const baseKb = server.rssKb();
    const steps: Step[] = [];
    let connected = 0;
    for (const n of ctx.sizes.memorySteps) {
      const conn = await workers.connect(kind, url, clients.slice(connected, n), 100);
      connected = n;
      const heap = await settle(ctx, inspector);
      const rss = server.rssKb();
      const step = {
        n,
        rssKb: rss,
        perConnBytes: ((rss - baseKb) * 1024) / n,
        heapPerConnBytes: (heap - baseHeap) / n,
        connectMs: conn.ms,
      };
      steps.push(step);
      console.log(
        `  ${server.name}: ${int(n)} clients, RSS ${(rss / 1024).toFixed(0)} MB (base ${(baseKb / 1024).toFixed(0)} MB) -> ` +
          `${kb(step.perConnBytes)} per client (JS heap ${kb(step.heapPerConnBytes)})`,
      );
    }
    await workers.closeSockets();
    return { name: server.name, baseKb, steps };
  } finally {
    inspector.close();
  }
}

export async function memory(ctx: Ctx): Promise<ScenarioResult> {
  const { seed } = ctx.seed;
  const max = ctx.sizes.memorySteps.at(-1) as number;
  const tokens: ClientSpec[] = seed.users.slice(0, max).map((u) => ({ token: u.token }));
  const anon: ClientSpec[] = Array.from({ length: max }, () => ({ roomId: 'idle' }));
  const workers = await Workers.start(Math.ceil(max / ctx.sizes.socketsPerWorker));
  const runs: Run[] = [];
  try {
    const rounds = await openRounds(ctx, { inspect: true });
    try {
      runs.push(await measure(ctx, rounds, workers, 'rounds', roundsSocketUrl(rounds), tokens));
    } finally {
      await rounds.stop();
    }
    for (const kind of ['ws', 'sio'] as const) {
      const server = await startBaseline(kind, { inspect: true });
      try {
        const url = kind === 'ws' ? wsUrl(server.url, '/idle') : wsUrl(server.url);
        runs.push(await measure(ctx, server, workers, kind, url, anon));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await workers.stop();
  }
  const [rounds] = runs as [Run, ...Run[]];
  const header = [
    'server',
    'RSS before',
    ...ctx.sizes.memorySteps.flatMap((n) => [
      `RSS at ${int(n)}`,
      `per client at ${int(n)}`,
      `JS heap per client at ${int(n)}`,
    ]),
  ];
  const table = [
    header,
    ...runs.map((r) => [
      r.name === 'rounds' ? 'Rounds (hello acked)' : r.name,
      `${(r.baseKb / 1024).toFixed(0)} MB`,
      ...r.steps.flatMap((s) => [`${(s.rssKb / 1024).toFixed(0)} MB`, kb(s.perConnBytes), kb(s.heapPerConnBytes)]),
    ]),
  ];
  return {
    id: 'memory',
    title: `Memory: server RSS per idle connection at ${ctx.sizes.memorySteps.map(int).join(' and ')}`,
    setup:
      `Clients in ${workers.list.length} worker processes (≤ ${int(ctx.sizes.socketsPerWorker)} sockets each). Per client = (RSS after − RSS before) / N, ` +
      `read ${ctx.sizes.memorySettleMs / 1000} s after the last connection and two full GCs (forced through the V8 inspector, in every server alike). ` +
      'The ws floor holds bare sockets; Socket.IO sockets join one room. Kernel socket buffers are not in RSS.',
    table,
    targets: rounds.steps.map((s) => ({
      what: `Rounds per idle connection at ${int(s.n)}`,
      target: `≤ ${kb(TARGET_BYTES)}`,
      value: kb(s.perConnBytes),
      met: s.perConnBytes <= TARGET_BYTES,
    })),
    notes: [
      `Connect time for the last step (Rounds, with hello): ${((rounds.steps.at(-1)?.connectMs ?? 0) / 1000).toFixed(1)} s.`,
    ],
  };
}
