/**
 * Sync: a member misses N messages while disconnected, reconnects, says hello and syncs from its last seq
 * (again while hasMore). Latency: new socket -> every missed event applied in order. The floor is a bare
 * `ws` server that answers hello and replays the very sync frames Rounds sent, from memory.
 */
import type { RoomEvent } from '@rounds/protocol';
import type WebSocket from 'ws';
import { type Ctx, openRounds } from '../context';
import { now } from '../ipc';
import { sleep } from '../procs';
import { openRaw, RoundsClient } from '../rounds-client';
import { roundsSocketUrl, startBaseline, wsUrl } from '../servers';
import { int, ms, ratio, type ScenarioResult, summarize } from '../stats';

const SENDER_SOCKETS = 20; // the gateway allows 100 frames/s per socket (burst 300): spread the sends
const WINDOW = 10;

/** Sends n messages from the sender's sockets, WINDOW in flight per socket; resolves when all are acked. */
async function sendMissed(senders: RoundsClient[], roomId: string, n: number, tag: string): Promise<void> {
  let next = 0;
  const lane = async (c: RoundsClient) => {
    while (next < n) {
      const k = next++;
      await c.call('message.send', {
        type: 'message.send',
        roomId,
        clientMsgId: `sy-${tag}-${k}`,
        body: `Missed update ${k}: ward census and oxygen stock.`,
      });
    }
  };
  await Promise.all(senders.flatMap((c) => Array.from({ length: WINDOW }, () => lane(c))));
}

/** Syncs from `after` until hasMore is false; checks the seqs are gapless; returns the last seq and pages. */
async function catchUp(
  c: RoundsClient,
  roomId: string,
  after: number,
): Promise<{ last: number; pages: number; events: number }> {
  let last = after;
  let pages = 0;
  let events = 0;
  for (;;) {
    const page = await c.call('sync', { type: 'sync', roomId, afterSeq: last });
    pages++;
    for (const e of page.events as RoomEvent[]) {
      if (e.seq <= last) continue;
      if (e.seq !== last + 1) throw new Error(`sync: gap after seq ${last} (got ${e.seq})`);
      last = e.seq;
      events++;
    }
    if (!page.hasMore) return { last, pages, events };
  }
}

function nextFrame(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
}

export async function sync(ctx: Ctx): Promise<ScenarioResult> {
  const { seed } = ctx.seed;
  const { syncMissed: missed, syncReps: reps } = ctx.sizes;
  const [, a, b] = seed.users as [unknown, { token: string }, { token: string }];
  const roomId = seed.syncRoom;
  const lat: number[] = [];
  const helloLat: number[] = [];
  let pagesSeen = 0;
  let capture: string[] = [];
  const server = await openRounds(ctx);
  try {
    const url = roundsSocketUrl(server);
    const senders = await Promise.all(Array.from({ length: SENDER_SOCKETS }, () => RoundsClient.connect(url, a.token)));
    let reader = await RoundsClient.connect(url, b.token);
    let { last } = await catchUp(reader, roomId, 0);
    for (let rep = 0; rep < reps; rep++) {
      await reader.close();
      await sendMissed(senders, roomId, missed, `${Date.now().toString(36)}-${rep}`);
      await sleep(500); // let the sender sockets' frame budget refill
      const t0 = now();
      reader = await RoundsClient.connect(url, b.token);
      const t1 = now();
      const frames: string[] = [];
      reader.ws.on('message', (d: Buffer) => frames.push(d.toString()));
      const r = await catchUp(reader, roomId, last);
      lat.push(now() - t0);
      helloLat.push(t1 - t0);
      if (r.events !== missed) throw new Error(`sync: caught up ${r.events} events, expected ${missed}`);
      last = r.last;
      pagesSeen = r.pages;
      capture = frames.filter((f) => f.startsWith('{"type":"ack"'));
    }
    await reader.close();
    await Promise.all(senders.map((s) => s.close()));
  } finally {
    await server.stop();
  }

  const floorLat: number[] = [];
  const floor = await startBaseline('ws');
  try {
    const base = wsUrl(floor.url, '/sync');
    const store = await openRaw(base);
    store.send(JSON.stringify({ type: 'store', pages: capture }));
    await nextFrame(store);
    store.close();
    for (let rep = 0; rep < reps; rep++) {
      const t0 = now();
      const ws = await openRaw(base);
      ws.send(JSON.stringify({ type: 'hello', ref: 'h', version: 1 }));
      await nextFrame(ws);
      for (let p = 0; p < capture.length; p++) {
        ws.send(JSON.stringify({ type: 'sync', ref: 's', roomId, afterSeq: 0 }));
        JSON.parse(await nextFrame(ws));
      }
      floorLat.push(now() - t0);
      ws.close();
    }
  } finally {
    await floor.stop();
  }

  const r = summarize(lat);
  const f = summarize(floorLat);
  const bytes = capture.reduce((n, s) => n + Buffer.byteLength(s), 0);
  return {
    id: 'sync',
    title: `Sync: reconnect and catch up ${int(missed)} missed messages`,
    setup:
      `${reps} rounds: the reader disconnects, another member sends ${int(missed)} messages, the reader opens a new socket, says hello and ` +
      `syncs from its last seq until hasMore is false (${pagesSeen} page(s), ${int(bytes)} bytes), checking the seqs are gapless. ` +
      'The floor replays the same frames from memory over a bare ws socket.',
    table: [
      ['server', 'p50', 'p99', 'max', 'p50 / floor', 'hello p50'],
      ['Rounds', ms(r.p50), ms(r.p99), ms(r.max), ratio(r.p50 / f.p50), ms(summarize(helloLat).p50)],
      ['ws replay (floor)', ms(f.p50), ms(f.p99), ms(f.max), ratio(1), 'n/a'],
    ],
    targets: [
      {
        what: 'Rounds reconnect → caught up',
        target: 'measured (no target set)',
        value: `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`,
        met: undefined,
      },
    ],
    notes: [
      `p99 is the nearest-rank percentile: with ${reps} samples it is the ${Math.ceil(0.99 * reps) === reps ? 'maximum' : `${Math.ceil(0.99 * reps)}th`}.`,
    ],
  };
}
