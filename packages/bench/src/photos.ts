/**
 * Phone-sized test photos for the media scenario, made once with sharp and cached under the temp folder:
 * 12 MP (4000 × 3000) JPEGs at quality 92 with 4:2:0 chroma, like a phone camera writes them. The content is
 * gradients and ripples plus per-pixel sensor-like noise, so they compress like real photos (3–6 MB) rather
 * than like flat test cards; each carries EXIF with the camera, a date, GPS coordinates and an orientation
 * (half are 6, "rotate 90° clockwise", as a phone held upright writes them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

const W = 4000;
const H = 3000;
const FORMAT = 1;
const cacheDir = path.join(os.tmpdir(), 'rounds-bench-photos', `v${FORMAT}-${W}x${H}`);

export type Photo = { file: string; bytes: number; orientation: number };

/** A 4000 × 3000 RGB picture from a seed: smooth gradients, ripples, and noise of the given strength. */
function pixels(seed: number, sigma: number): Buffer {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  const col = [new Float32Array(W), new Float32Array(W), new Float32Array(W)];
  const row = [new Float32Array(H), new Float32Array(H), new Float32Array(H)];
  for (let c = 0; c < 3; c++) {
    const a = (rnd() % 1000) / 1000;
    const b = (rnd() % 1000) / 1000;
    const cx = col[c] as Float32Array;
    const ry = row[c] as Float32Array;
    for (let x = 0; x < W; x++)
      cx[x] = ((60 * x) / W) * (0.5 + a) + 25 * Math.sin(x / (90 + 40 * c) + a * 6) + 12 * Math.sin(x / 13 + b);
    for (let y = 0; y < H; y++)
      ry[y] = 50 + ((60 * y) / H) * (0.5 + b) + 25 * Math.sin(y / (70 + 30 * c) + b * 6) + 10 * Math.sin(y / 17 + a);
  }
  const buf = Buffer.allocUnsafe(W * H * 3);
  const k = sigma / 147;
  let i = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < 3; c++) {
        // Roughly Gaussian noise: the sum of two uniform bytes, centred.
        const r = rnd();
        const v =
          (col[c] as Float32Array)[x]! + (row[c] as Float32Array)[y]! + ((r & 255) + ((r >>> 8) & 255) - 255) * k;
        buf[i++] = v < 0 ? 0 : Math.min(v, 255);
      }
    }
  }
  return buf;
}

const dms = (deg: number): string => {
  const d = Math.floor(deg);
  const m = Math.floor((deg - d) * 60);
  const s = Math.round(((deg - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
};

async function make(i: number, file: string): Promise<void> {
  const orientation = i % 2 === 0 ? 6 : 1;
  const sigma = 11 + (i % 7);
  const lat = 30.5 + (i % 10) / 100;
  const lon = 114.3 + (i % 13) / 100;
  await sharp(pixels(1000 + i * 7919, sigma), { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
    .withMetadata({ orientation })
    .withExif({
      IFD0: {
        Make: 'Apple',
        Model: 'iPhone 13',
        Software: '17.1.2',
        DateTime: `2026:02:${String(1 + (i % 28)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00`,
      },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: dms(lat),
        GPSLongitudeRef: 'E',
        GPSLongitude: dms(lon),
      },
    })
    .toFile(`${file}.tmp`);
  fs.renameSync(`${file}.tmp`, file);
}

/** The first `n` photos, made now when they are not cached yet. */
export async function ensurePhotos(n: number): Promise<Photo[]> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const out: Photo[] = [];
  const started = Date.now();
  let made = 0;
  let pending: Promise<void> | undefined;
  for (let i = 0; i < n; i++) {
    const file = path.join(cacheDir, `IMG_${String(4100 + i)}.jpg`);
    if (!fs.existsSync(file)) {
      // This picture's pixels are made (synchronously) while sharp still encodes the previous one.
      const next = make(i, file);
      next.catch(() => undefined); // awaited below; keeps an early failure from being reported as unhandled
      await pending;
      pending = next;
      made++;
      if (made % 20 === 0) console.log(`    made ${made} photos (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    out.push({ file, bytes: 0, orientation: i % 2 === 0 ? 6 : 1 });
  }
  await pending;
  if (made > 0) console.log(`  made ${made} photos in ${((Date.now() - started) / 1000).toFixed(0)} s: ${cacheDir}`);
  for (const p of out) p.bytes = fs.statSync(p.file).size;
  return out;
}
