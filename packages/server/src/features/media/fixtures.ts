import fs from 'node:fs';
import sharp from 'sharp';

/** A JPEG taken "on a phone": 400×200 pixels, EXIF orientation 6 (rotate 90°), camera make, GPS position, comment. */
export async function phoneJpeg(): Promise<Buffer> {
  const left = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#d22' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#22d' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12', ImageDescription: 'Patient Zhang Wei bed 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 17/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function plainPng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A tiny PNG whose header claims 30,000 × 30,000 pixels: an image bomb if decoded. */
export async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  // IHDR starts at byte 8: length(4) "IHDR"(4) width(4) height(4) ... crc over type+data.
  png.writeUInt32BE(30_000, 16);
  png.writeUInt32BE(30_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/**
 * testdata/two-halves.heic: a real HEIC (HEVC, coded by x265), 64×48, left half red (#d22), right half blue
 * (#22d), carrying an EXIF block (Make PhoneMaker, Model Pocket 12, a description naming a patient, a GPS
 * position). heif-enc copies the JPEG's EXIF and, at this size, stores a one-tile grid (a 64×64 tile cropped
 * to 64×48), as iPhones store their tiled pictures. Made on Debian bookworm with libheif 1.15.1 and x265
 * 3.5 (`apt-get install libheif-examples`; the x265 encoder is built in), from packages/server
 * (where sharp resolves); the same commands give the same bytes:
 *
 *   node --input-type=module -e "
 *   import sharp from 'sharp';
 *   const red = await sharp({ create: { width: 32, height: 48, channels: 3, background: '#d22' } }).png().toBuffer();
 *   await sharp({ create: { width: 64, height: 48, channels: 3, background: '#22d' } })
 *     .composite([{ input: red, left: 0, top: 0 }])
 *     .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Pocket 12', ImageDescription: 'Patient Zhang Wei bed 12' },
 *       IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 35/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '114/1 17/1 0/1' } })
 *     .jpeg({ quality: 95 }).toFile('src.jpg');"
 *   heif-enc -q 90 -o two-halves.heic src.jpg
 *
 * (1084 bytes, sha256 486b7df8bf2121e48a06d2f02e24ba56ea8f7de04833a682ba1b2644b8836ad9.)
 */
export function twoHalvesHeic(): Buffer {
  return fs.readFileSync(new URL('./testdata/two-halves.heic', import.meta.url));
}

/** The start of the ISO BMFF box of this type (the first one in the file). */
function box(file: Buffer, type: string): number {
  const at = file.indexOf(type, 0, 'latin1') - 4;
  if (at < 0) throw new Error(`no ${type} box`);
  return at;
}

/**
 * two-halves.heic as a phone turned on its side writes it: the same coded pixels with an `irot` property (a
 * quarter turn anticlockwise) on the primary picture, so it shows 48×64, red at the bottom and blue on top.
 * libheif 1.15's heif-enc cannot write irot, so the file is edited without moving its coded data: the pixi
 * property (16 bytes; 4th in ipco, which ipma gives the primary picture) gives way to irot (9 bytes) at the
 * same index, and the hdlr box's empty name grows to 7 letters, so the meta box keeps its size and the
 * offsets into mdat (iloc) stay right.
 */
export function sidewaysHeic(): Buffer {
  const src = twoHalvesHeic();
  const [hdlr, iprp, ipco, pixi] = ['hdlr', 'iprp', 'ipco', 'pixi'].map((t) => box(src, t)) as [
    number,
    number,
    number,
    number,
  ];
  const hdlrEnd = hdlr + src.readUInt32BE(hdlr);
  const irot = Buffer.from([0, 0, 0, 9, 0x69, 0x72, 0x6f, 0x74, 1]); // size 9, "irot", angle 1 × 90°
  const out = Buffer.concat([
    src.subarray(0, hdlrEnd - 1), // the name was empty: its terminating zero
    Buffer.from('rotated\0', 'latin1'),
    src.subarray(hdlrEnd, pixi),
    irot,
    src.subarray(pixi + src.readUInt32BE(pixi)),
  ]);
  out.writeUInt32BE(src.readUInt32BE(hdlr) + 7, hdlr);
  out.writeUInt32BE(src.readUInt32BE(iprp) - 7, iprp + 7);
  out.writeUInt32BE(src.readUInt32BE(ipco) - 7, ipco + 7);
  return out;
}

/** two-halves.heic whose `ispe` properties (the picture's and its tile's) claim 30,000 × 30,000 pixels. */
export function heicBomb(): Buffer {
  const heic = twoHalvesHeic();
  for (let at = heic.indexOf('ispe'); at >= 0; at = heic.indexOf('ispe', at + 4)) {
    // type(4) version+flags(4) width(4) height(4)
    heic.writeUInt32BE(30_000, at + 8);
    heic.writeUInt32BE(30_000, at + 12);
  }
  return heic;
}

/** A minimal one-page PDF with a line of text. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 20 100 Td (Ward protocol) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Posts a file as multipart/form-data, field "file". */
export async function upload(
  base: string,
  roomId: string,
  token: string,
  body: Buffer,
  name: string,
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)], { type }), name);
  const res = await fetch(`${base}/api/v1/rooms/${roomId}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

export async function download(base: string, path: string, token: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
