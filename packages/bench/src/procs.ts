/** Child processes of the bench: spawned with the open-file limit raised, tracked, and always cleaned up. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The open-file hard limit on these machines; every socket-heavy process raises its soft limit to it. */
const NOFILE = 20_000;
export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = path.resolve(benchDir, '../..');
export const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-bench-logs-'));

const live = new Set<ChildProcess>();
/** Clean-up steps other than processes (e.g. dropping a PostgreSQL schema), run by stopAll after the children. */
const cleanups = new Set<() => Promise<void>>();

/** Registers a clean-up step for stopAll (error, SIGINT, end of scenario); returns a function that unregisters it. */
export function atCleanup(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export type SpawnOptions = {
  cwd?: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  ipc?: boolean;
  /** Where stdout and stderr go: a log file under logDir (default) or this process's own streams. */
  logName?: string;
};

/**
 * Runs `node --import tsx script args` through `bash -c 'ulimit -n …; exec node …'`: the exec keeps the
 * pid, so child.pid is the node process itself (its RSS and CPU are what /proc shows for that pid).
 */
export function spawnNode(script: string, args: string[], opts: SpawnOptions = {}): ChildProcess & { logFile: string } {
  const node = [process.execPath, ...(opts.nodeArgs ?? []), '--import', 'tsx', script, ...args].map(shq).join(' ');
  const cmd = `ulimit -n ${NOFILE} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${node}`;
  const logFile = path.join(logDir, `${opts.logName ?? path.basename(script, '.ts')}-${Date.now()}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn('bash', ['-c', cmd], {
    cwd: opts.cwd ?? benchDir,
    env: { ...process.env, ...opts.env },
    stdio: ['pipe', out, out, ...(opts.ipc ? (['ipc'] as const) : [])],
  });
  fs.closeSync(out);
  live.add(child);
  child.on('exit', () => live.delete(child));
  return Object.assign(child, { logFile });
}

/**
 * Runs a program other than node (redis-server) as a tracked child: stopped by stopAll like the rest, its
 * output in a log file.
 */
export function spawnTracked(program: string, args: string[], logName: string): ChildProcess & { logFile: string } {
  const logFile = path.join(logDir, `${logName}-${Date.now()}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(program, args, { stdio: ['ignore', out, out] });
  fs.closeSync(out);
  live.add(child);
  child.on('exit', () => live.delete(child));
  return Object.assign(child, { logFile });
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Kills every child still running (on exit, error or SIGINT). */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((c) => stopChild(c, 2000)));
  for (const fn of [...cleanups]) {
    cleanups.delete(fn);
    await fn().catch((err: unknown) => console.error(`  clean-up failed: ${String(err)}`));
  }
}

function killAllNow(): void {
  for (const c of live) {
    try {
      c.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Installs handlers so no child outlives the bench, whatever way it ends. */
export function installCleanup(): void {
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      console.error(`\n${sig}: stopping child processes…`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/** Resident set size of a process, in KiB (VmRSS from /proc/<pid>/status). */
export function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]);
}

/** The process and every process below it (children, their children…), alive now. */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i] as number;
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const kids = fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (kids) out.push(...kids.split(' ').map(Number));
      } catch {
        // the thread ended
      }
    }
  }
  return out;
}

/** A reading (CPU seconds, RSS…) summed over a process and its descendants alive now. */
function overTree(pid: number, read: (pid: number) => number): number {
  let s = 0;
  for (const p of processTree(pid)) {
    try {
      s += read(p);
    } catch {
      // ended between the listing and the read
    }
  }
  return s;
}

/** CPU seconds of a process and its descendants (a server and its picture worker). */
export const treeCpuSeconds = (pid: number): number => overTree(pid, cpuSeconds);

/** Resident memory of a process and its descendants, in kB. */
export const treeRssKb = (pid: number): number => overTree(pid, rssKb);

/** CPU time (user + system) a process has used, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[11], [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks (100 per second here).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers 200, the child exits, or the timeout passes. */
export async function waitHealthy(
  url: string,
  child: ChildProcess & { logFile: string },
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `process exited (${child.exitCode ?? child.signalCode}) before ${url} answered; log:\n${tail(child.logFile)}`,
      );
    }
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms; log:\n${tail(child.logFile)}`);
}

/** The last lines of a log file. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
