import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Limits, type MediaVariant } from '@rounds/protocol';
import libheif from 'libheif-js/libheif-wasm/libheif-bundle.js';
import sharp, { type Metadata, type Raw } from 'sharp';
import { AppError } from '../../errors';
import { heifType } from './sniff';

export type Processed = {
  width: number | null;
  height: number | null;
  /** The stored renditions and their content types. */
  variants: Partial<Record<MediaVariant, { body: Buffer; mime: string }>>;
  /** The type of the `full` rendition (images are re-encoded). */
  mime: string;
};

const SIZES = { full: 2560, medium: 1024, thumb: 320 } as const;

const unreadable = (why = 'it may be damaged or in a format we cannot decode') =>
  new AppError('image_unreadable', `The picture cannot be read: ${why}.`);

/** Refuses a picture whose header declares more than Limits.maxImagePixels, before anything is decoded. */
function checkPixels(width = 0, height = 0): void {
  if (width * height > Limits.maxImagePixels) {
    throw new AppError('image_too_large', `Pictures are limited to ${Limits.maxImagePixels / 1e6} megapixels.`, {
      width,
      height,
    });
  }
}

type Pixels = { data: Buffer; raw: Raw; opaque: boolean };

/**
 * Decodes a picture, applies its orientation and re-encodes it, so no metadata (EXIF, GPS, XMP, IPTC, ICC,
 * comments, maker notes) survives and the original bytes are never stored. The pixel count is checked from
 * the header before anything is decoded (image bombs). HEIC (HEVC-coded HEIF, as iPhones take them), which
 * sharp's libvips cannot decode, is decoded with libheif-js; everything else, AVIF included, with sharp.
 * Runs in the picture worker (images.ts). Throws image_too_large, image_unreadable.
 */
export async function processImage(file: string): Promise<Processed> {
  // By the ftyp brands, as the upload was typed (sniff.ts): sharp's `compression` only reflects the major
  // brand, and calls an AVIF of major brand mif1 "hevc".
  const heic = (await heifTypeOf(file)) === 'image/heic';
  let meta: Metadata | undefined;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    // A HEIC's header is read again by libheif-js below, whose parser may accept what libvips refused.
    if (!heic) throw unreadable();
  }
  if (meta) checkPixels(meta.width, meta.height);
  try {
    const { data, raw, opaque } = heic ? await decodeHeic(file) : await decodeWithSharp(file, !meta?.hasAlpha);
    const mime = opaque ? 'image/jpeg' : 'image/png';
    const render = async (max: number) => {
      const img = sharp(data, { raw, limitInputPixels: Limits.maxImagePixels }).resize({
        width: max,
        height: max,
        fit: 'inside',
        withoutEnlargement: true,
      });
      return opaque ? img.jpeg({ quality: 85, mozjpeg: true }).toBuffer() : img.png({ compressionLevel: 8 }).toBuffer();
    };
    const [full, medium, thumb] = await Promise.all([render(SIZES.full), render(SIZES.medium), render(SIZES.thumb)]);
    const dims = await sharp(full).metadata();
    return {
      width: dims.width ?? null,
      height: dims.height ?? null,
      mime,
      variants: { full: { body: full, mime }, medium: { body: medium, mime }, thumb: { body: thumb, mime } },
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable('it may be truncated or damaged');
  }
}

/** One decode, turned upright by its EXIF orientation once; each rendition is resized from it. */
async function decodeWithSharp(file: string, opaque: boolean): Promise<Pixels> {
  const { data, info } = await sharp(file, {
    limitInputPixels: Limits.maxImagePixels,
    failOn: 'truncated',
    sequentialRead: true,
  })
    .rotate()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, raw: { width: info.width, height: info.height, channels: info.channels }, opaque };
}

async function heifTypeOf(file: string): Promise<ReturnType<typeof heifType>> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await fd.read(head, 0, head.length, 0);
    return heifType(head.subarray(0, bytesRead));
  } finally {
    await fd.close();
  }
}

/**
 * The primary picture of a HEIC file as RGB(A) pixels, decoded by libheif in WebAssembly. Its size is read
 * from the container (ispe, after the irot/imir/clap transforms) and checked before decoding. libheif
 * applies those transforms when it decodes, so the pixels come out upright; the EXIF block, whose
 * orientation tag HEIF readers must ignore, is never read. Each call makes its own instance (about 10 ms):
 * a WebAssembly memory never shrinks, so the memory of a large picture is freed with its instance, and a
 * decoder trap on a hostile file cannot leave a broken instance behind for the next one.
 */
async function decodeHeic(file: string): Promise<Pixels> {
  const lib = libheif();
  const ctx = lib.heif_context_alloc();
  try {
    const read = lib.heif_context_read_from_memory(ctx, await fs.promises.readFile(file));
    if (read.code !== lib.heif_error_code.heif_error_Ok) throw unreadable('it may be truncated or damaged');
    const handle = lib.heif_js_context_get_primary_image_handle(ctx);
    if (!handle || 'code' in handle) throw unreadable('it may be truncated or damaged');
    try {
      checkPixels(lib.heif_image_handle_get_width(handle), lib.heif_image_handle_get_height(handle));
      const opaque = !lib.heif_image_handle_has_alpha_channel(handle);
      const channels = opaque ? 3 : 4;
      const chroma = opaque
        ? lib.heif_chroma.heif_chroma_interleaved_RGB
        : lib.heif_chroma.heif_chroma_interleaved_RGBA;
      const image = await lib.heif_js_decode_image2(handle, lib.heif_colorspace.heif_colorspace_RGB, chroma);
      if (!image || 'code' in image) throw unreadable('it may be truncated or damaged');
      try {
        const plane = image.channels.find((c) => c.id === lib.heif_channel.heif_channel_interleaved);
        if (plane?.bits_per_pixel !== 8) throw unreadable();
        const { width, height, stride } = plane;
        const row = width * channels;
        if (stride < row || plane.data.length < stride * (height - 1) + row) throw unreadable();
        // The plane lives in the instance's memory, freed below: copy it out, row by row past any padding.
        const data = Buffer.allocUnsafe(row * height);
        for (let y = 0; y < height; y++) data.set(plane.data.subarray(y * stride, y * stride + row), y * row);
        return { data, raw: { width, height, channels }, opaque };
      } finally {
        lib.heif_image_release(image.image);
      }
    } finally {
      lib.heif_image_handle_release(handle);
    }
  } finally {
    lib.heif_context_free(ctx);
  }
}

const run = promisify(execFile);

/** A PDF's first page as medium and thumb previews, when poppler's pdftoppm is installed; otherwise none. */
export async function pdfPreview(file: string): Promise<Processed['variants']> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rounds-pdf-'));
  try {
    await run(
      'pdftoppm',
      ['-png', '-f', '1', '-l', '1', '-scale-to', String(SIZES.medium), '-singlefile', file, path.join(dir, 'p')],
      {
        timeout: 15_000,
      },
    );
    const png = await fs.promises.readFile(path.join(dir, 'p.png'));
    const medium = await sharp(png).jpeg({ quality: 80 }).toBuffer();
    const thumb = await sharp(png)
      .resize({ width: SIZES.thumb, height: SIZES.thumb, fit: 'inside' })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { medium: { body: medium, mime: 'image/jpeg' }, thumb: { body: thumb, mime: 'image/jpeg' } };
  } catch {
    return {};
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
