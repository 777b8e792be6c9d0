import { describe, expect, it } from 'vitest';
import { clampOffset, fitSize, MAX_ZOOM, pinchZoom, step, swipeDirection, toggleZoom, zoomIn, zoomOut } from './zoom';

describe('viewer zoom', () => {
  it('steps zoom within bounds', () => {
    expect(zoomIn(1)).toBe(1.5);
    expect(zoomOut(1)).toBe(1);
    expect(zoomIn(7)).toBe(MAX_ZOOM);
    expect(toggleZoom(1)).toBe(2.5);
    expect(toggleZoom(3)).toBe(1);
    expect(pinchZoom(1, 100, 250)).toBe(2.5);
    expect(pinchZoom(2, 0, 250)).toBe(2);
  });

  it('fits pictures to the stage without enlarging them', () => {
    expect(fitSize({ width: 2000, height: 1000 }, { width: 1000, height: 800 })).toEqual({ width: 1000, height: 500 });
    expect(fitSize({ width: 200, height: 100 }, { width: 1000, height: 800 })).toEqual({ width: 200, height: 100 });
  });

  it('pans a zoomed picture only as far as its edges', () => {
    const fitted = { width: 1000, height: 500 };
    const stage = { width: 1000, height: 800 };
    expect(clampOffset({ x: 300, y: 300 }, 1, fitted, stage)).toEqual({ x: 0, y: 0 });
    expect(clampOffset({ x: 2000, y: -300 }, 2, fitted, stage)).toEqual({ x: 500, y: -100 });
  });

  it('reads swipes and wraps around the pictures', () => {
    expect(swipeDirection(-100, 10)).toBe(1);
    expect(swipeDirection(100, 10)).toBe(-1);
    expect(swipeDirection(100, 90)).toBe(0);
    expect(swipeDirection(30, 0)).toBe(0);
    expect(step(2, 1, 3)).toBe(0);
    expect(step(0, -1, 3)).toBe(2);
  });
});
