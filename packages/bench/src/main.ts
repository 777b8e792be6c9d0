/**
 * `npm run bench`: drives a real Rounds server over the wire and writes docs/BENCHMARKS.md.
 *   --only fanout,throughput,memory,sync,backup,scaleout-throughput,scaleout-fanout,media,privacy
 *                                          run some scenarios (default: all)
 *   --quick                                smoke sizes (~500 clients); writes to a temp file unless --out
 *   --out <file>                           where to write the report
 *   --reseed                               rebuild the cached accounts and rooms
 *   --cpu-prof [dir]                       write a V8 CPU profile of every Rounds server process
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Ctx, FULL, planFor, QUICK } from './context';
import { watchNoise } from './noise';
import { installCleanup, logDir, stopAll } from './procs';
import { machine, renderReport, reportPath, writeReport } from './report';
import { backup } from './scenarios/backup';
import { fanout } from './scenarios/fanout';
import { media } from './scenarios/media';
import { memory } from './scenarios/memory';
import { privacy } from './scenarios/privacy';
import { scaleoutFanout } from './scenarios/scaleout-fanout';
import { scaleoutThroughput } from './scenarios/scaleout-throughput';
import { sync } from './scenarios/sync';
import { throughput } from './scenarios/throughput';
import { ensureSeed } from './seed';
import { roundsMain } from './servers';
import { printResult, type ScenarioResult } from './stats';

/** Every scenario, in the order of a full run; `privacy` needs no seed and no servers. */
const SCENARIOS = {
  fanout,
  throughput,
  memory,
  sync,
  backup,
  'scaleout-throughput': scaleoutThroughput,
  'scaleout-fanout': scaleoutFanout,
  media,
  privacy,
} as const;
type ScenarioId = keyof typeof SCENARIOS;
const NO_SEED: readonly ScenarioId[] = ['privacy'];
/** Scenarios whose figures are not timings: no note on the machine's other load. */
const UNTIMED: readonly ScenarioId[] = ['privacy'];

function parseArgs(argv: string[]) {
  const opts = {
    only: Object.keys(SCENARIOS) as ScenarioId[],
    quick: false,
    reseed: false,
    out: undefined as string | undefined,
    cpuProf: undefined as string | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--reseed') opts.reseed = true;
    else if (a.startsWith('--only')) {
      const ids = value()
        .split(',')
        .map((s) => s.trim()) as ScenarioId[];
      const unknown = ids.filter((id) => !(id in SCENARIOS));
      if (unknown.length > 0)
        throw new Error(`unknown scenario(s): ${unknown.join(', ')} (known: ${Object.keys(SCENARIOS).join(', ')})`);
      opts.only = ids;
    } else if (a.startsWith('--out')) opts.out = path.resolve(value());
    else if (a.startsWith('--cpu-prof')) {
      // The folder is optional: `--cpu-prof`, `--cpu-prof dir` and `--cpu-prof=dir` all work.
      const next = argv[i + 1];
      let dir = path.join(os.tmpdir(), `rounds-bench-prof-${Date.now()}`);
      if (a.includes('=')) dir = value();
      else if (next && !next.startsWith('--')) dir = argv[++i] as string;
      opts.cpuProf = path.resolve(dir);
    } else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

async function main(): Promise<number> {
  installCleanup();
  const argv = process.argv.slice(2);
  const opts = parseArgs(argv);
  if (!fs.existsSync(roundsMain))
    throw new Error(`${roundsMain} does not exist yet: the bench starts the server through it.`);
  const sizes = opts.quick ? QUICK : FULL;
  const startedAt = new Date();
  const m = machine();
  console.log(
    `Rounds bench ${opts.quick ? '(quick) ' : ''}on ${m.cores} × ${m.model}, ${m.ramGb.toFixed(0)} GB, Node ${m.node}`,
  );
  console.log(`logs of every process: ${logDir}`);
  if (opts.cpuProf) {
    fs.mkdirSync(opts.cpuProf, { recursive: true });
    console.log(`CPU profiles of Rounds servers: ${opts.cpuProf}`);
  }

  const plan = planFor(sizes);
  let ctx: Ctx | undefined;
  let seedNote = 'none needed (no scenario that runs a server was selected)';
  if (opts.only.some((id) => !NO_SEED.includes(id))) {
    console.log(`\n== Seed: ${plan.users} accounts, rooms and memberships`);
    const seedStarted = Date.now();
    const seed = await ensureSeed(plan, opts.reseed);
    const b = seed.seed.built;
    seedNote = seed.cached
      ? `${plan.users.toLocaleString('en-US')} registered through the REST API once (${b.registerSeconds.toFixed(0)} s of registering, ${b.roomsSeconds.toFixed(0)} s of joining, on ${b.at.slice(0, 10)}) and reused from the cache`
      : `${plan.users.toLocaleString('en-US')} registered through the REST API in this run: ${b.registerSeconds.toFixed(0)} s, plus ${b.roomsSeconds.toFixed(0)} s of joining`;
    console.log(
      `  ${seed.cached ? 'reused cached seed' : 'built seed'} in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s: ${seed.dir}`,
    );
    ctx = { quick: opts.quick, sizes, seed, cpuProfDir: opts.cpuProf };
  }
  const results: ScenarioResult[] = [];
  const failures: { id: string; error: string }[] = [];
  for (const id of Object.keys(SCENARIOS) as ScenarioId[]) {
    if (!opts.only.includes(id)) continue;
    console.log(`\n== ${id}`);
    const t0 = Date.now();
    const noise = watchNoise();
    try {
      let r: ScenarioResult;
      if (id === 'privacy') r = await privacy();
      else if (ctx) r = await SCENARIOS[id](ctx);
      else throw new Error(`${id} needs the seed`);
      const n = noise.stop();
      if (!UNTIMED.includes(id))
        r.notes.push(
          `Other processes on this machine used ${n.foreignCores.toFixed(2)} cores on average during this scenario ` +
            `(peak ${n.maxForeignCores.toFixed(2)}; 1-minute load average up to ${n.load1.toFixed(1)}).`,
        );
      printResult(r);
      results.push(r);
    } catch (err) {
      noise.stop();
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(`  ${id} failed: ${error}`);
      failures.push({ id, error });
    } finally {
      await stopAll();
    }
    console.log(`  (${id} took ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }

  const command = `npm run bench -w @rounds/bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
  const text = renderReport(
    { command, startedAt, seconds: (Date.now() - startedAt.getTime()) / 1000, quick: opts.quick, seedNote, failures },
    m,
    results,
  );
  const out = opts.out ?? (opts.quick ? path.join(os.tmpdir(), 'BENCHMARKS.quick.md') : reportPath);
  if (out === reportPath) writeReport(text);
  else fs.writeFileSync(out, text);
  console.log(`\nReport written to ${out}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  async (code) => {
    await stopAll();
    process.exit(code);
  },
  async (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    await stopAll();
    process.exit(1);
  },
);
