/**
 * Backup under traffic: the throughput scenario's senders keep one SQLite server busy while `rounds backup`
 * copies its database, beside windows of the same length with no backup, in the same run. What an operator
 * wants to know: how much a nightly backup slows acknowledgements.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Ctx, openRounds } from '../context';
import { repoDir, sleep, spawnNode } from '../procs';
import { roundsMain, roundsSocketUrl } from '../servers';
import { int, ms, ratio, type ScenarioResult } from '../stats';
import { Workers } from '../workers';
import { tpBody, tpClients } from './throughput';

type Tally = { acked: number; seconds: number };

/** Runs `rounds backup` against the server's data folder; resolves with its duration in ms. */
function runBackup(dataDir: string, target: string): Promise<number> {
  const started = performance.now();
  const child = spawnNode(roundsMain, ['backup', target], {
    cwd: repoDir,
    env: { ROUNDS_DATA_DIR: dataDir, ROUNDS_LOG_LEVEL: 'warn' },
    logName: 'backup',
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`rounds backup exited ${code}`)),
    ),
  );
}

export async function backup(ctx: Ctx): Promise<ScenarioResult> {
  const clients = tpClients(ctx);
  const workers = await Workers.start(ctx.sizes.tpWorkers);
  const server = await openRounds(ctx);
  const dataDir = server.dataDir;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-bench-backup-'));
  const during: Tally = { acked: 0, seconds: 0 };
  const without: Tally = { acked: 0, seconds: 0 };
  const durations: number[] = [];
  let size = 0;
  try {
    await workers.connect('rounds', roundsSocketUrl(server), clients, 64, 0);
    await workers.all({ op: 'tp-start', body: tpBody, group: 0 });
    await sleep(ctx.sizes.tpWarmupMs);
    for (let i = 0; i < 3; i++) {
      const a = await workers.tpMark();
      const took = await runBackup(dataDir, path.join(out, `copy-${i}.sqlite`));
      const b = await workers.tpMark();
      durations.push(took);
      during.acked += b.acked - a.acked;
      during.seconds += (b.at - a.at) / 1000;
      // The same length of time without a backup, right after.
      const c = await workers.tpMark();
      await sleep(took);
      const d = await workers.tpMark();
      without.acked += d.acked - c.acked;
      without.seconds += (d.at - c.at) / 1000;
    }
    await workers.all({ op: 'tp-stop' });
    size = dbSize(dataDir);
  } finally {
    await workers.stop();
    await server.stop();
    fs.rmSync(out, { recursive: true, force: true });
  }
  const rate = (t: Tally) => t.acked / t.seconds;
  const share = rate(during) / rate(without);
  return {
    id: 'backup',
    title: `Backup under traffic: ${int(clients.length)} senders while \`rounds backup\` copies the database`,
    setup:
      'The throughput scenario’s senders (one in flight each) on one SQLite server; `rounds backup` runs three times, each beside a window of the same length with no backup right after it.',
    table: [
      ['window', 'acked msg/s', 'seconds', 'backup took'],
      ['during backup', int(rate(during)), during.seconds.toFixed(1), durations.map((d) => ms(d)).join(', ')],
      ['no backup', int(rate(without)), without.seconds.toFixed(1), '–'],
    ],
    targets: [
      {
        what: 'acked msg/s during a backup vs without',
        target: 'measured (no target set)',
        value: ratio(share),
        met: undefined,
      },
    ],
    notes: [
      `The database copied is about ${(size / 1024 / 1024).toFixed(0)} MB (the seeded accounts and rooms plus what the senders wrote). ` +
        'The copy holds one read transaction for its whole run and copies 256 pages per step with a short pause between steps, so the writer goes on.',
    ],
  };
}

function dbSize(dir: string): number {
  try {
    return fs.statSync(path.join(dir, 'rounds.sqlite')).size;
  } catch {
    return 0;
  }
}
