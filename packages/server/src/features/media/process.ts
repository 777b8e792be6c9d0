import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Limits, type MediaVariant } from '@rounds/protocol';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../errors';

export type Processed = {
  width: number | null;
  height: number | null;
  /** The stored renditions and their content types. */
  variants: Partial<Record<MediaVariant, { body: Buffer; mime: string }>>;
  /** The type of the `full` rendition (images are re-encoded). */
  mime: string;
};

const SIZES = { full: 2560, medium: 1024, thumb: 320 } as const;

/**
 * Decodes a picture, applies its EXIF orientation and re-encodes it, so no metadata (EXIF, GPS, XMP, IPTC,
 * ICC, comments, maker notes) survives and the original bytes are never stored. The pixel count is checked
 * from the header before anything is decoded (image bombs). Runs in the picture worker (images.ts).
 * Throws image_too_large, image_unreadable.
 */
export async function processImage(file: string): Promise<Processed> {
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(
      'image_unreadable',
      'The picture cannot be read: it may be damaged or in a format we cannot decode.',
    );
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > Limits.maxImagePixels) {
    throw new AppError('image_too_large', `Pictures are limited to ${Limits.maxImagePixels / 1e6} megapixels.`, {
      width: meta.width,
      height: meta.height,
    });
  }
  const opaque = !meta.hasAlpha;
  const mime = opaque ? 'image/jpeg' : 'image/png';
  try {
    // One decode, oriented once; each rendition is resized from it.
    const oriented = sharp(file, {
      limitInputPixels: Limits.maxImagePixels,
      failOn: 'truncated',
      sequentialRead: true,
    }).rotate();
    const { data, info } = await oriented.raw().toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: info.channels };
    const render = async (max: number) => {
      const img = sharp(data, { raw }).resize({ width: max, height: max, fit: 'inside', withoutEnlargement: true });
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
    throw new AppError('image_unreadable', 'The picture cannot be read: it may be truncated or damaged.');
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
