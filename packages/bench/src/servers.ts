/** Servers under test, each in its own process: Rounds (the `rounds serve` CLI) and the two baselines. */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchDir, cpuSeconds, freePort, repoDir, rssKb, spawnNode, stopChild, waitHealthy } from './procs';

export type ServerProc = {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> */
  url: string;
  child: ChildProcess & { logFile: string };
  /** The V8 inspector's port, when started with `inspect`. */
  inspectPort: number | undefined;
  rssKb(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
};

/** Environment for a Rounds server under load: limits opened up, no presence fan-out in big rooms. */
function roundsEnv(port: number, dataDir: string): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    ROUNDS_DATA_DIR: dataDir,
    ROUNDS_LOG_LEVEL: 'warn',
    ROUNDS_RATE_MESSAGES_PER_SEC: '1000000',
    ROUNDS_RATE_MESSAGES_BURST: '1000000',
    ROUNDS_RATE_AUTH_PER_MIN: '1000000',
    ROUNDS_OPEN_ROOM_CREATION: 'true',
    ROUNDS_PRESENCE_PUSH_MAX: '0',
  };
}

export const roundsMain = path.join(repoDir, 'packages/server/src/main.ts');
const serverNodeFlags = JSON.parse(
  fs.readFileSync(path.join(repoDir, 'packages/server/node-flags.json'), 'utf8'),
) as string[];

export type ServerOptions = {
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  cpuProfDir?: string | undefined;
  /** Open the V8 inspector on a loopback port (to force garbage collection). */
  inspect?: boolean;
  /** More environment for `rounds serve` (DATABASE_URL, REDIS_URL, ROUNDS_NODE_ID…); started ones wait for /readyz. */
  env?: Record<string, string>;
  /** The name the report and the log file use (default `rounds`). */
  name?: string;
};

async function nodeArgsFor(opts: ServerOptions): Promise<{ nodeArgs: string[]; inspectPort: number | undefined }> {
  const nodeArgs = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const inspectPort = opts.inspect ? await freePort() : undefined;
  if (inspectPort) nodeArgs.push(`--inspect=127.0.0.1:${inspectPort}`);
  return { nodeArgs, inspectPort };
}

function proc(
  name: string,
  url: string,
  child: ChildProcess & { logFile: string },
  inspectPort: number | undefined,
): ServerProc {
  const pid = child.pid as number;
  return {
    name,
    pid,
    url,
    child,
    inspectPort,
    rssKb: () => rssKb(pid),
    cpuSeconds: () => cpuSeconds(pid),
    // Rounds drains and flushes on SIGTERM; a CPU profile is written on that clean exit.
    stop: () => stopChild(child, 15_000),
  };
}

/**
 * Starts `rounds serve` on a free port over `dataDir` and waits for /healthz, or for /readyz (store and
 * Redis reachable) when `opts.env` is given.
 */
export async function startRounds(dataDir: string, opts: ServerOptions = {}): Promise<ServerProc> {
  const port = await freePort();
  const { nodeArgs, inspectPort } = await nodeArgsFor(opts);
  // The node flags Rounds ships with (scripts/start.mjs, the systemd unit), then diagnostics if asked for
  // (e.g. BENCH_SERVER_NODE_ARGS=--trace-gc; the output is in the server's log).
  nodeArgs.push(...serverNodeFlags);
  nodeArgs.push(...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []));
  const name = opts.name ?? 'rounds';
  const child = spawnNode(roundsMain, ['serve'], {
    cwd: repoDir,
    env: { ...roundsEnv(port, dataDir), ...opts.env },
    nodeArgs,
    logName: name.replace(/[^\w.-]+/g, '-'),
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}${opts.env ? '/readyz' : '/healthz'}`, child, 120_000);
  return proc(name, url, child, inspectPort);
}

/** Starts a baseline server (`ws` floor or Socket.IO) on a free port. */
export async function startBaseline(kind: 'ws' | 'sio', opts: ServerOptions = {}): Promise<ServerProc> {
  const port = await freePort();
  const script = path.join(benchDir, `src/baseline-${kind}.ts`);
  const { nodeArgs, inspectPort } = await nodeArgsFor(opts);
  const child = spawnNode(script, [], { env: { PORT: String(port) }, nodeArgs, logName: `baseline-${kind}` });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/`, child, 30_000);
  return proc(kind === 'ws' ? 'ws floor' : 'Socket.IO', url, child, inspectPort);
}

export const wsUrl = (httpUrl: string, p = ''): string => `${httpUrl.replace(/^http/, 'ws')}${p}`;
export const roundsSocketUrl = (s: ServerProc): string => wsUrl(s.url, '/api/v1/socket');
