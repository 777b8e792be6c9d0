/** docs/BENCHMARKS.md: the command, the machine, and every scenario's table beside its baselines. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoDir } from './procs';
import { mdTable, type ScenarioResult } from './stats';

export type Machine = { cores: number; model: string; ramGb: number; node: string; kernel: string };

export function machine(): Machine {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m?.[1]) model = m[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cores: os.cpus().length,
    model,
    ramGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
  };
}

export type RunInfo = {
  command: string;
  startedAt: Date;
  seconds: number;
  quick: boolean;
  seedNote: string;
  failures: { id: string; error: string }[];
};

export const reportPath = path.join(repoDir, 'docs/BENCHMARKS.md');

function verdict(met: boolean | undefined): string {
  if (met === undefined) return '–';
  return met ? 'met' : '**not met**';
}

export function renderReport(info: RunInfo, m: Machine, results: ScenarioResult[]): string {
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(
    'Written by `npm run bench` (packages/bench). Every figure comes from real sockets on 127.0.0.1 against a real `rounds serve` process, ' +
      'beside baselines measured in the same run on the same machine with the same client processes. Servers and clients run in separate processes; ' +
      'on a machine with few cores they share them, so the figures compare servers more than they predict production capacity.',
    '',
  );
  if (info.quick) out.push('> **Smoke run (`--quick`)**: small sizes, not the figures the targets refer to.', '');
  out.push('| | |', '|---|---|');
  out.push(`| command | \`${info.command}\` |`);
  out.push(`| date | ${info.startedAt.toISOString()} (took ${Math.round(info.seconds)} s) |`);
  out.push(`| machine | ${m.cores} × ${m.model}, ${m.ramGb.toFixed(1)} GB RAM, ${m.kernel} |`);
  out.push(`| Node.js | ${m.node} |`);
  out.push(`| storage | SQLite (the embedded default), a fresh copy of the seeded data folder per scenario |`);
  if (results.some((r) => r.id.startsWith('scaleout-')))
    out.push(
      '| scale-out storage | PostgreSQL 15 and Redis 7 on this machine (127.0.0.1): a schema of its own per deployment (dropped afterwards) and a `redis-server` of its own on a free port. ' +
        'The seeded rows (users, sessions, room_groups, rooms, room_members, room_events) are copied into the schema from the cached SQLite seed with `pg` after `rounds migrate` created the tables, ' +
        'not registered again through the API (that would cost one argon2 hash per account); tokens are stored hashed, so the cached ones sign in. |',
    );
  out.push(`| accounts | ${info.seedNote} |`, '');

  const targets = results.flatMap((r) => r.targets.map((t) => ({ ...t, scenario: r.id })));
  if (targets.length > 0) {
    out.push('## Targets', '');
    out.push(
      mdTable([
        ['scenario', 'target', 'wanted', 'measured', ''],
        ...targets.map((t) => [t.scenario, t.what, t.target, t.value, verdict(t.met)]),
      ]),
      '',
    );
  }
  for (const r of results) {
    out.push(`## ${r.title}`, '', r.setup, '', mdTable(r.table), '');
    for (const n of r.notes) out.push(`- ${n}`);
    if (r.notes.length > 0) out.push('');
  }
  for (const f of info.failures) out.push(`## ${f.id}: failed`, '', '```', f.error.slice(0, 2000), '```', '');
  out.push(
    '## How to run',
    '',
    '```sh',
    'npm run bench -w @rounds/bench                          # everything; writes this file',
    'npm run bench -w @rounds/bench -- --quick               # smoke sizes (~500 clients); writes to the temp folder',
    'npm run bench -w @rounds/bench -- --only fanout,sync    # some scenarios',
    'npm run bench -w @rounds/bench -- --only scaleout-throughput,scaleout-fanout   # PostgreSQL + Redis',
    'npm run bench -w @rounds/bench -- --only media          # photo uploads vs sharp directly',
    'npm run bench -w @rounds/bench -- --only privacy        # identifier detector recall/precision (no servers)',
    'npm run bench -w @rounds/bench -- --reseed              # register the accounts again',
    'npm run bench -w @rounds/bench -- --only throughput --cpu-prof /tmp/prof',
    'npm run profile -w @rounds/bench -- /tmp/prof 25 10     # top 25 functions, skipping the first 10 s',
    'BENCH_SERVER_NODE_ARGS=--trace-gc npm run bench -w @rounds/bench -- --only media   # node flags for the Rounds servers (output in their logs)',
    '```',
    '',
    'Accounts are registered through `POST /auth/register` (one argon2 hash each) and cached, with their rooms, in ' +
      "`$TMPDIR/rounds-bench-seed/<key>` (the key covers the sizes and the server's migrations); every scenario runs on a " +
      'fresh copy. Each process raises its open-file limit to 20,000; a server process holds at most ~19,000 sockets.',
    '',
    'Scenarios: `fanout`, `throughput`, `memory`, `sync`, `scaleout-throughput`, `scaleout-fanout`, `media`, `privacy` (a full run does all, in that order). ' +
      'The scale-out scenarios need PostgreSQL at `postgres://postgres@127.0.0.1:5432/test` (or `BENCH_DATABASE_URL`), trust auth, and `redis-server` on the PATH; ' +
      'each creates and drops its own schemas (`rounds_bench_<pid>_…`) and starts and stops its own Redis. ' +
      'The media scenario makes its 12 MP photos once with sharp and caches them in `$TMPDIR/rounds-bench-photos`; set `UV_THREADPOOL_SIZE` in the environment to run the server and the floor with another libuv pool size (the report says which was used).',
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

export function writeReport(text: string): void {
  fs.mkdirSync(path.dirname(reportPath), { recursive: true });
  fs.writeFileSync(reportPath, text);
}
