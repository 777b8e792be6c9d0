/** The main process's side of the client workers: spawn, command over IPC, gather results. */

import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  type ClientSpec,
  type ConnectResult,
  type FromWorker,
  now,
  type ServerKind,
  type ToWorker,
  type TpMark,
} from './ipc';
import { benchDir, cpuSeconds, spawnNode, stopChild } from './procs';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Command = ToWorker extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

/** One worker process. */
class Worker {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  /** Fan-out marks every socket of this worker has received, with the last receive time. */
  readonly got = new Map<number, number>();
  /** Sockets of this worker in each fan-out group. */
  groupSizes: Record<number, number> = {};
  onGot: ((k: number) => void) | undefined;
  /** This worker's clock minus the main process's (measured over IPC). */
  offsetMs = 0;

  constructor(
    readonly index: number,
    readonly child: ChildProcess,
  ) {
    child.on('message', (m: FromWorker) => {
      if ('ev' in m) {
        this.got.set(m.k, m.at);
        this.onGot?.(m.k);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.data);
      else p.reject(new Error(`worker ${index}: ${m.error}`));
    });
    child.on('exit', (code, signal) => {
      for (const p of this.pending.values()) p.reject(new Error(`worker ${index} exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  request<T>(cmd: Command): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...cmd, id } as ToWorker);
    });
  }

  /** Estimates the clock offset from the round trip with the smallest delay. */
  async calibrate(): Promise<void> {
    let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
    for (let i = 0; i < 20; i++) {
      const t0 = now();
      const { now: tw } = await this.request<{ now: number }>({ op: 'clock' });
      const t1 = now();
      if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: tw - (t0 + t1) / 2 };
    }
    this.offsetMs = best.offset;
  }
}

/** Splits items into `n` nearly equal consecutive parts. */
function split<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  const size = Math.ceil(items.length / n);
  for (let i = 0; i < n; i++) out.push(items.slice(i * size, (i + 1) * size));
  return out;
}

/** A set of client worker processes. */
export class Workers {
  private groups = 1;

  private constructor(readonly list: Worker[]) {}

  static async start(n: number): Promise<Workers> {
    const script = path.join(benchDir, 'src/worker.ts');
    const list = Array.from(
      { length: n },
      (_, i) => new Worker(i, spawnNode(script, [], { ipc: true, logName: `worker${i}` })),
    );
    await Promise.all(list.map((w) => w.calibrate()));
    return new Workers(list);
  }

  /** Largest clock offset between a worker and the main process, in ms. */
  get maxOffsetMs(): number {
    return Math.max(...this.list.map((w) => Math.abs(w.offsetMs)));
  }

  /** Opens the given clients, split evenly over the workers; throws when any fails. */
  async connect(
    kind: ServerKind,
    url: string,
    clients: readonly ClientSpec[],
    concurrency = 64,
    group = 0,
  ): Promise<ConnectResult> {
    const parts = split(clients, this.list.length);
    const results = await Promise.all(
      this.list.map((w, i) =>
        w.request<ConnectResult>({ op: 'connect', kind, url, clients: parts[i] ?? [], concurrency, group }),
      ),
    );
    const total: ConnectResult = {
      connected: results.reduce((n, r) => n + r.connected, 0),
      failed: results.reduce((n, r) => n + r.failed, 0),
      ms: Math.max(...results.map((r) => r.ms)),
    };
    const firstError = results.find((r) => r.firstError)?.firstError;
    if (total.failed > 0)
      throw new Error(`${total.failed} of ${clients.length} ${kind} clients failed to connect: ${firstError}`);
    return total;
  }

  async all<T>(cmd: Command): Promise<T[]> {
    return Promise.all(this.list.map((w) => w.request<T>(cmd)));
  }

  /** Starts fan-out counting on every worker; mark k belongs to group k % groups. */
  async fanout(groups: number): Promise<void> {
    this.groups = groups;
    await Promise.all(
      this.list.map(async (w) => {
        w.got.clear();
        w.groupSizes = await w.request<Record<number, number>>({ op: 'fanout', groups });
      }),
    );
  }

  /**
   * Resolves with the time (main clock) mark k reached the last socket of every worker, or undefined
   * after the timeout.
   */
  waitGot(k: number, timeoutMs: number): Promise<number | undefined> {
    const involved = this.list.filter((w) => (w.groupSizes[k % this.groups] ?? 0) > 0);
    const done = () => involved.every((w) => w.got.has(k));
    const last = () => Math.max(...involved.map((w) => (w.got.get(k) as number) - w.offsetMs));
    if (done()) return Promise.resolve(last());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        for (const w of this.list) w.onGot = undefined;
        resolve(undefined);
      }, timeoutMs);
      for (const w of this.list) {
        w.onGot = () => {
          if (!done()) return;
          clearTimeout(timer);
          for (const x of this.list) x.onGot = undefined;
          resolve(last());
        };
      }
    });
  }

  /** Sums the workers' throughput counters; `at` is the latest worker time (main clock). */
  async tpMark(): Promise<TpMark> {
    const marks = await this.all<TpMark>({ op: 'tp-mark' });
    return {
      at: Math.max(...marks.map((m, i) => m.at - (this.list[i] as Worker).offsetMs)),
      acked: marks.reduce((n, m) => n + m.acked, 0),
      delivered: marks.reduce((n, m) => n + m.delivered, 0),
      gaps: marks.reduce((n, m) => n + m.gaps, 0),
      errors: marks.reduce((n, m) => n + m.errors, 0),
      ...(marks.find((m) => m.firstError) ? { firstError: marks.find((m) => m.firstError)?.firstError } : {}),
    };
  }

  /** CPU time the worker processes have used, in seconds. */
  cpuSeconds(): number {
    return this.list.reduce((n, w) => n + cpuSeconds(w.child.pid as number), 0);
  }

  async closeSockets(): Promise<void> {
    await this.all({ op: 'close' });
  }

  async stop(): Promise<void> {
    await Promise.all(this.list.map((w) => stopChild(w.child, 2000)));
  }
}
