/** What every scenario receives: its sizes, the seed, and a way to start a Rounds server on a fresh copy. */
import fs from 'node:fs';
import type { SeedHandle, SeedPlan } from './seed';
import { freshDataDir } from './seed';
import { type ServerOptions, type ServerProc, startRounds } from './servers';

export type Sizes = {
  /** Members of the fan-out room, the sender included. */
  fanoutMembers: number;
  fanoutMessages: number;
  fanoutWarmup: number;
  fanoutGapMs: number;
  fanoutTimeoutMs: number;
  /** Client processes for fan-out; each holds its share of all three servers' sockets (3N / workers < 20k fds). */
  fanoutWorkers: number;
  tpRooms: number;
  tpRoomSize: number;
  tpWarmupMs: number;
  /** Measured seconds per server, split into this many alternating windows. */
  tpSeconds: number;
  tpWindows: number;
  tpWorkers: number;
  /** Connection counts at which memory is measured, ascending; the last is the most a server process holds. */
  memorySteps: number[];
  memorySettleMs: number;
  syncMissed: number;
  syncReps: number;
  /** Most sockets one client worker process holds. */
  socketsPerWorker: number;
  /** Measured messages per lane of scaleout-fanout (≥ 100 for a p99). */
  scaleoutFanoutMessages: number;
  /** Photos uploaded in the media scenario, and by how many concurrent clients (each uploads its share). */
  mediaPhotos: number;
  mediaClients: number;
};

export const FULL: Sizes = {
  fanoutMembers: 10_000,
  fanoutMessages: 200,
  fanoutWarmup: 5,
  fanoutGapMs: 50,
  fanoutTimeoutMs: 30_000,
  fanoutWorkers: 2,
  tpRooms: 100,
  tpRoomSize: 10,
  tpWarmupMs: 3000,
  tpSeconds: 20,
  tpWindows: 4,
  tpWorkers: 1,
  memorySteps: [10_000, 19_000],
  memorySettleMs: 5000,
  syncMissed: 1000,
  syncReps: 30,
  socketsPerWorker: 9_500,
  scaleoutFanoutMessages: 120,
  mediaPhotos: 100,
  mediaClients: 10,
};

export const QUICK: Sizes = {
  fanoutMembers: 500,
  fanoutMessages: 30,
  fanoutWarmup: 3,
  fanoutGapMs: 20,
  fanoutTimeoutMs: 10_000,
  fanoutWorkers: 2,
  tpRooms: 10,
  tpRoomSize: 10,
  tpWarmupMs: 1000,
  tpSeconds: 3,
  tpWindows: 2,
  tpWorkers: 1,
  memorySteps: [300, 600],
  memorySettleMs: 1500,
  syncMissed: 1000,
  syncReps: 5,
  socketsPerWorker: 400,
  scaleoutFanoutMessages: 20,
  mediaPhotos: 20,
  mediaClients: 5,
};

export function planFor(s: Sizes): SeedPlan {
  const users = Math.max(s.fanoutMembers, 1 + s.tpRooms * s.tpRoomSize, s.memorySteps.at(-1) ?? 0, 3);
  return { users, fanoutMembers: s.fanoutMembers, tpRooms: s.tpRooms, tpRoomSize: s.tpRoomSize };
}

export type Ctx = {
  quick: boolean;
  sizes: Sizes;
  seed: SeedHandle;
  /** Write a CPU profile of each Rounds server here (`--cpu-prof`). */
  cpuProfDir: string | undefined;
};

/** Starts Rounds on a fresh copy of the seeded data folder; `stop` also removes the copy. */
export async function openRounds(ctx: Ctx, opts: ServerOptions = {}): Promise<ServerProc & { dataDir: string }> {
  const dataDir = freshDataDir(ctx.seed.dir);
  const server = await startRounds(dataDir, { cpuProfDir: ctx.cpuProfDir, ...opts });
  const stop = server.stop;
  return {
    ...server,
    dataDir,
    stop: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
