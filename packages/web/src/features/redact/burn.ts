import { type Box, outputFormat, toPixels } from './box-geometry';

/**
 * Decodes a picture upright: `imageOrientation: 'from-image'` applies its EXIF orientation, so the pixels
 * are the way the user sees them and the boxes land where they were drawn. Rejects when the browser cannot
 * decode the format (HEIC in most browsers).
 */
export function decodeUpright(file: Blob): Promise<ImageBitmap> {
  return createImageBitmap(file, { imageOrientation: 'from-image' });
}

/** Draws the picture with its boxes filled black. */
export function paint(ctx: CanvasRenderingContext2D, bitmap: ImageBitmap, boxes: readonly Box[]): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  ctx.fillStyle = '#000';
  for (const b of boxes) {
    const r = toPixels(b, width, height);
    ctx.fillRect(r.x, r.y, r.w, r.h);
  }
}

/**
 * Burns the boxes into the pixels at the picture's natural (upright) size and encodes a new file: the covered
 * pixels are gone from the result, which carries no metadata (a canvas export has none).
 */
export async function burnBoxes(file: File, bitmap: ImageBitmap, boxes: readonly Box[]): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  paint(ctx, bitmap, boxes);
  const out = outputFormat(file.type, file.name);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, out.type, 0.92));
  if (!blob) throw new Error('the picture could not be encoded');
  return new File([blob], out.name, { type: out.type, lastModified: Date.now() });
}
