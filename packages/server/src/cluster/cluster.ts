import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const serverMain = path.resolve(import.meta.dirname, '../main.ts');
/** The node flags the server ships with (scripts/start.mjs, the systemd unit in docs/OPERATIONS.md). */
const nodeFlags = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../node-flags.json'), 'utf8'),
) as string[];

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
}

/** A Redis server of the test's own, on an ephemeral port, that the test may stop and restart. */
export class TestRedis {
  private proc: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const r = new TestRedis(await freePort());
    await r.up();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(
      () =>
        new Promise((resolve) => {
          const s = net.connect(this.port, '127.0.0.1', () => {
            s.end();
            resolve(true);
          });
          s.on('error', () => resolve(false));
        }),
    );
  }

  async down(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }
}

/** One `rounds serve` process. */
export class Node {
  proc: ChildProcess | undefined;
  output = '';
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/api/v1/socket`;
  }

  async start(): Promise<void> {
    this.proc = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', serverMain, 'serve'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), ROUNDS_NODE_ID: `node-${this.port}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout?.on('data', (d) => (this.output += d));
    this.proc.stderr?.on('data', (d) => (this.output += d));
    await waitFor(async () => (await fetch(`${this.url}/readyz`)).status === 200);
  }

  /** Resolves when the process has exited. */
  exited(): Promise<number | null> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return Promise.resolve(p?.exitCode ?? null);
    return new Promise((resolve) => p.once('exit', (code) => resolve(code)));
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    const done = this.exited();
    this.proc?.kill(signal);
    return done;
  }
}

/** N nodes sharing one PostgreSQL schema and one Redis. */
export async function startCluster(
  n: number,
  redisUrl: string,
  schema: string,
  extraEnv: Record<string, string> = {},
): Promise<Node[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-cluster-'));
  const env = {
    DATABASE_URL: process.env.TEST_DATABASE_URL as string,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redisUrl,
    ROUNDS_DATA_DIR: dataDir,
    ROUNDS_LOG_LEVEL: 'warn',
    ROUNDS_RATE_MESSAGES_BURST: '100000',
    ROUNDS_RATE_AUTH_PER_MIN: '100000',
    HOST: '127.0.0.1',
    ...extraEnv,
  };
  const nodes: Node[] = [];
  for (let i = 0; i < n; i++) {
    const node = new Node(await freePort(), env);
    // One at a time: the first migrates the schema, the others find it ready.
    await node.start();
    nodes.push(node);
  }
  return nodes;
}

const nginxSite = path.resolve(import.meta.dirname, '../../../../docs/ops/rounds-nginx.conf');

/** nginx in the foreground with docs/ops/rounds-nginx.conf, pointed at these nodes. */
export async function startNginx(nodes: Node[]): Promise<{ url: string; wsUrl: string; stop(): Promise<void> }> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-nginx-'));
  const port = await freePort();
  let site = fs.readFileSync(nginxSite, 'utf8').replace(/^\s*listen 8080;/m, `    listen 127.0.0.1:${port};`);
  const servers = nodes.map((n) => `    server 127.0.0.1:${n.port} max_fails=1 fail_timeout=5s;`).join('\n');
  site = site.replace(/(\s*server 127\.0\.0\.1:300\d [^\n]*\n)+/, `\n${servers}\n`);
  fs.writeFileSync(path.join(prefix, 'site.conf'), site);
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${prefix}/${t};`),
      `  include ${prefix}/site.conf;`,
      '}',
    ].join('\n'),
  );
  const proc = spawn('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/healthz`)).status === 200);
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/api/v1/socket`,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGQUIT');
      }),
  };
}
