import { describe, expect, it } from 'vitest';
import { boxFrom, isTiny, outputFormat, toFraction, toPixels } from './box-geometry';

describe('redaction boxes', () => {
  const rect = { left: 100, top: 50, width: 400, height: 300 };

  it('maps pointer positions on the scaled canvas to fractions of the picture, clamped', () => {
    expect(toFraction(300, 200, rect)).toEqual({ x: 0.5, y: 0.5 });
    expect(toFraction(50, 400, rect)).toEqual({ x: 0, y: 1 });
    expect(toFraction(0, 0, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('normalizes a drag in any direction and ignores clicks', () => {
    const b = boxFrom({ x: 0.6, y: 0.8 }, { x: 0.2, y: 0.1 });
    expect([b.x, b.y, b.w, b.h].map((v) => Number(v.toFixed(6)))).toEqual([0.2, 0.1, 0.4, 0.7]);
    expect(isTiny(boxFrom({ x: 0.5, y: 0.5 }, { x: 0.502, y: 0.7 }))).toBe(true);
    expect(isTiny({ x: 0, y: 0, w: 0.5, h: 1 })).toBe(false);
  });

  it('covers whole pixels at the natural resolution, outwards', () => {
    // A box drawn on a 400-px-wide canvas over the left half lands on the left half of a 4032-px picture.
    const box = boxFrom(toFraction(100, 50, rect), toFraction(300, 350, rect));
    expect(toPixels(box, 4032, 3024)).toEqual({ x: 0, y: 0, w: 2016, h: 3024 });
    expect(toPixels({ x: 0.1001, y: 0.2, w: 0.3, h: 0.25 }, 10, 10)).toEqual({ x: 1, y: 2, w: 4, h: 3 });
    expect(toPixels({ x: 0.9, y: 0.9, w: 0.5, h: 0.5 }, 100, 100)).toEqual({ x: 90, y: 90, w: 10, h: 10 });
  });

  it('keeps PNG as PNG and makes everything else JPEG', () => {
    expect(outputFormat('image/png', 'screen.png')).toEqual({ type: 'image/png', name: 'screen.png' });
    expect(outputFormat('image/webp', 'monitor.webp')).toEqual({ type: 'image/jpeg', name: 'monitor.jpg' });
    expect(outputFormat('image/jpeg', '.jpg')).toEqual({ type: 'image/jpeg', name: 'picture.jpg' });
  });
});
