/**
 * The media floor: the picture work of the server's upload path (packages/server/src/features/media/
 * process.ts), done directly with sharp in one process, with nothing else around it: read the header
 * (metadata), decode once with the EXIF orientation applied, resize three renditions (2560, 1024 and 320 px,
 * inside) from that one raw decode, encode each as JPEG q85 with mozjpeg, read the largest one's
 * dimensions, and write the three files. Run in a client worker process with the bench's environment, so
 * libuv's thread pool (UV_THREADPOOL_SIZE) is sized as the server's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import type { FloorResult } from './ipc';
import { now } from './ipc';

const SIZES = [2560, 1024, 320] as const;
const MAX_PIXELS = 50_000_000; // Limits.maxImagePixels

async function processLikeServer(file: string, outDir: string, n: number): Promise<void> {
  const meta = await sharp(file, { limitInputPixels: false }).metadata();
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) throw new Error(`${file}: too large`);
  const oriented = sharp(file, { limitInputPixels: MAX_PIXELS, failOn: 'truncated', sequentialRead: true }).rotate();
  const { data, info } = await oriented.raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const renditions = await Promise.all(
    SIZES.map((max) =>
      sharp(data, { raw })
        .resize({ width: max, height: max, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 85, mozjpeg: true })
        .toBuffer(),
    ),
  );
  await sharp(renditions[0] as Buffer).metadata();
  await Promise.all(
    renditions.map((body, i) => fs.promises.writeFile(path.join(outDir, `${n}-${SIZES[i]}.jpg`), body)),
  );
}

export async function runFloor(files: string[], concurrency: number, outDir: string): Promise<FloorResult> {
  fs.mkdirSync(outDir, { recursive: true });
  // The same measure as the server's /metrics (prom-client): a 10 ms timer's lateness, interval included.
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const ms = new Array<number>(files.length).fill(Number.NaN);
  const started = now();
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const t0 = now();
      await processLikeServer(files[i] as string, outDir, i);
      ms[i] = now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, lane));
  eld.disable();
  return {
    ms,
    totalMs: now() - started,
    loopMaxMs: eld.max / 1e6,
    threadpool: Number(process.env.UV_THREADPOOL_SIZE) || 4,
    vipsThreads: sharp.concurrency(),
  };
}
