/**
 * The bench's accounts and rooms, created once through the REST API and reused: registering costs one
 * argon2 hash per account (~30–50 ms), so 19,000 accounts take minutes. The seeded data folder is cached
 * under the system temp folder (keyed by the plan and the server's migrations) and each scenario runs on a
 * fresh copy of it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contracts } from '@rounds/protocol';
import { client, createRoom, joinRoom, pool, register } from './api';
import { repoDir, stopChild } from './procs';
import { type ServerProc, startRounds } from './servers';

export type SeedPlan = { users: number; fanoutMembers: number; tpRooms: number; tpRoomSize: number };

type Seed = {
  plan: SeedPlan;
  /** users[0] is the admin (first account registered). */
  users: { id: string; token: string }[];
  /** Members users[0 .. fanoutMembers-1]; capacity fanoutMembers; owned by the admin. */
  fanoutRoom: string;
  /** Members users[fanoutMembers ..] and the admin: gives every other account one room. */
  lobbyRoom: string;
  /** Room j: users[1 + j*tpRoomSize .. (j+1)*tpRoomSize], capacity tpRoomSize, created by its first member. */
  tpRooms: string[];
  /** users[1] (owner) and users[2]. */
  syncRoom: string;
  /** How long seeding took, in seconds, when it was built (not when it came from the cache). */
  built: { registerSeconds: number; roomsSeconds: number; at: string };
};

const SEED_FORMAT = 1;
const MAX_AGE_MS = 7 * 24 * 3600 * 1000; // sessions last 30 days by default
const CONCURRENCY = 8;

function cacheKey(plan: SeedPlan): string {
  const h = crypto.createHash('sha256').update(JSON.stringify({ plan, SEED_FORMAT }));
  const migrations = path.join(repoDir, 'packages/server/src/db/migrations');
  for (const f of fs.existsSync(migrations) ? fs.readdirSync(migrations).sort() : []) {
    h.update(f).update(fs.readFileSync(path.join(migrations, f)));
  }
  return h.digest('hex').slice(0, 16);
}

const cacheRoot = path.join(os.tmpdir(), 'rounds-bench-seed');

/** A fresh copy of the seeded data folder, for one scenario's server. */
export function freshDataDir(seedDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-bench-data-'));
  fs.cpSync(path.join(seedDir, 'data'), dir, { recursive: true });
  return dir;
}

export type SeedHandle = { seed: Seed; dir: string; cached: boolean };

/** The seed for this plan: from the cache when valid, else built now. */
export async function ensureSeed(plan: SeedPlan, reseed: boolean): Promise<SeedHandle> {
  const dir = path.join(cacheRoot, cacheKey(plan));
  const file = path.join(dir, 'seed.json');
  if (!reseed && fs.existsSync(file) && Date.now() - fs.statSync(file).mtimeMs < MAX_AGE_MS) {
    const seed = JSON.parse(fs.readFileSync(file, 'utf8')) as Seed;
    if (await stillValid(dir, seed)) return { seed, dir, cached: true };
    console.log('  cached seed no longer accepted by the server: rebuilding');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  const server = await startRounds(path.join(dir, 'data'));
  try {
    const seed = await build(server, plan);
    await server.stop();
    fs.writeFileSync(file, JSON.stringify(seed));
    return { seed, dir, cached: false };
  } finally {
    await stopChild(server.child);
  }
}

/** Starts a server on a copy of the cached seed and checks that its first and last tokens still work. */
async function stillValid(dir: string, seed: Seed): Promise<boolean> {
  const data = freshDataDir(dir);
  const server = await startRounds(data);
  try {
    for (const u of [seed.users[0], seed.users[seed.users.length - 1]]) {
      const me = await client(server.url, u?.token)(contracts.accounts.getSelf, {});
      if (me.id !== u?.id) return false;
    }
    return true;
  } catch {
    return false;
  } finally {
    await server.stop();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

async function build(server: ServerProc, plan: SeedPlan): Promise<Seed> {
  const base = server.url;
  console.log(`  seeding ${plan.users} accounts through POST /auth/register (concurrency ${CONCURRENCY})…`);
  const t0 = Date.now();
  // The first account must be registered alone: it becomes the admin.
  const admin = await register(base, 0);
  const rest = await pool(plan.users - 1, CONCURRENCY, (i) => register(base, i + 1), {
    every: 1000,
    label: 'registered',
  });
  const users = [admin, ...rest].map((r) => ({ id: r.user.id, token: r.token }));
  const registerSeconds = (Date.now() - t0) / 1000;
  console.log(
    `  registered ${users.length} accounts in ${registerSeconds.toFixed(1)} s (${Math.round(users.length / registerSeconds)}/s)`,
  );

  const t1 = Date.now();
  const token = (i: number) => (users[i] as { token: string }).token;
  const fanout = await createRoom(base, token(0), 'Global health professionals on COVID-19', plan.fanoutMembers);
  const lobby = await createRoom(base, token(0), 'Lobby', Math.max(2, plan.users - plan.fanoutMembers + 1));
  await pool(plan.fanoutMembers - 1, CONCURRENCY, (i) => joinRoom(base, token(i + 1), fanout.id), {
    every: 2000,
    label: 'joined fan-out room',
  });
  await pool(
    plan.users - plan.fanoutMembers,
    CONCURRENCY,
    (i) => joinRoom(base, token(plan.fanoutMembers + i), lobby.id),
    {
      every: 2000,
      label: 'joined lobby',
    },
  );
  const tpRooms: string[] = [];
  for (let j = 0; j < plan.tpRooms; j++) {
    const first = 1 + j * plan.tpRoomSize;
    const room = await createRoom(base, token(first), `Ward ${j}`, plan.tpRoomSize);
    await pool(plan.tpRoomSize - 1, CONCURRENCY, (i) => joinRoom(base, token(first + 1 + i), room.id));
    tpRooms.push(room.id);
  }
  const sync = await createRoom(base, token(1), 'Sync', 10);
  await joinRoom(base, token(2), sync.id);
  const roomsSeconds = (Date.now() - t1) / 1000;
  console.log(`  rooms and memberships in ${roomsSeconds.toFixed(1)} s`);
  return {
    plan,
    users,
    fanoutRoom: fanout.id,
    lobbyRoom: lobby.id,
    tpRooms,
    syncRoom: sync.id,
    built: { registerSeconds, roomsSeconds, at: new Date().toISOString() },
  };
}
