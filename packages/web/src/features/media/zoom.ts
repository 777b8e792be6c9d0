/** Zoom in the picture viewer: 1 is "fit to the screen"; the picture is centred and panned by an offset. */
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 8;
const STEP = 1.5;

export type Size = { width: number; height: number };
export type Offset = { x: number; y: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const clampZoom = (scale: number): number => clamp(scale, MIN_ZOOM, MAX_ZOOM);
export const zoomIn = (scale: number): number => clampZoom(scale * STEP);
export const zoomOut = (scale: number): number => clampZoom(scale / STEP);

/** Double tap / double click: from fit to 2.5×, from any zoom back to fit. */
export const toggleZoom = (scale: number): number => (scale > MIN_ZOOM ? MIN_ZOOM : 2.5);

/**
 * Keeps a zoomed picture covering the stage: it may move only as far as its edges reach the stage's edges
 * (no panning at all while it fits).
 */
export function clampOffset(offset: Offset, scale: number, fitted: Size, stage: Size): Offset {
  const maxX = Math.max(0, (fitted.width * scale - stage.width) / 2);
  const maxY = Math.max(0, (fitted.height * scale - stage.height) / 2);
  return { x: clamp(offset.x, -maxX, maxX), y: clamp(offset.y, -maxY, maxY) };
}

/** The size a picture is shown at to fit the stage (never enlarged). */
export function fitSize(natural: Size, stage: Size): Size {
  if (natural.width <= 0 || natural.height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, stage.width / natural.width, stage.height / natural.height);
  return { width: natural.width * scale, height: natural.height * scale };
}

/** Two fingers: the zoom at the start of the pinch times how much the fingers spread. */
export function pinchZoom(startScale: number, startDistance: number, distance: number): number {
  return startDistance > 0 ? clampZoom(startScale * (distance / startDistance)) : startScale;
}

/** A horizontal swipe at fit zoom: 1 (next), -1 (previous) or 0 (not a swipe). */
export function swipeDirection(dx: number, dy: number, min = 60): -1 | 0 | 1 {
  if (Math.abs(dx) < min || Math.abs(dx) < Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}

/** The next index in a list of `count`, wrapping around. */
export const step = (index: number, delta: number, count: number): number =>
  count <= 0 ? 0 : (((index + delta) % count) + count) % count;
