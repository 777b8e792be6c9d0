/**
 * Boxes are kept as fractions of the (upright) picture, so they mean the same thing on the scaled canvas the
 * user draws on and on the full-resolution canvas the boxes are burned into.
 */
export type Box = { x: number; y: number; w: number; h: number };
export type Point = { x: number; y: number };
export type Rect = { left: number; top: number; width: number; height: number };

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A pointer position (client coordinates) as a fraction of the element's box, clamped to the picture. */
export function toFraction(clientX: number, clientY: number, rect: Rect): Point {
  if (rect.width <= 0 || rect.height <= 0) return { x: 0, y: 0 };
  return { x: clamp01((clientX - rect.left) / rect.width), y: clamp01((clientY - rect.top) / rect.height) };
}

/** The box spanned by two corners, whichever way the user dragged. */
export function boxFrom(a: Point, b: Point): Box {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** Too small to be meant (a click, a shaky tap): smaller than `min` of the picture either way. */
export const isTiny = (box: Box, min = 0.01): boolean => box.w < min || box.h < min;

/**
 * The pixels a box covers on a `width`×`height` canvas: widened outwards to whole pixels, so a box drawn up
 * to an edge covers the edge and nothing the user covered is left half-covered.
 */
export function toPixels(box: Box, width: number, height: number): { x: number; y: number; w: number; h: number } {
  const x0 = Math.floor(clamp01(box.x) * width);
  const y0 = Math.floor(clamp01(box.y) * height);
  const x1 = Math.ceil(clamp01(box.x + box.w) * width);
  const y1 = Math.ceil(clamp01(box.y + box.h) * height);
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** The file the redacted picture is saved as: PNG stays PNG (it may be a screenshot), anything else JPEG. */
export function outputFormat(type: string, name: string): { type: 'image/png' | 'image/jpeg'; name: string } {
  const png = type === 'image/png';
  const stem = name.replace(/\.[^.]*$/, '') || 'picture';
  return png ? { type: 'image/png', name: `${stem}.png` } : { type: 'image/jpeg', name: `${stem}.jpg` };
}
