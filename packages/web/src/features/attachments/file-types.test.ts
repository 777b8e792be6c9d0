import { describe, expect, it } from 'vitest';
import { fitWithin, formatBytes, typeLabel } from './file-types';

describe('file types and sizes', () => {
  it('labels types, falling back to the extension', () => {
    expect(typeLabel('application/pdf', 'x.pdf')).toBe('PDF');
    expect(typeLabel('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x')).toBe('XLSX');
    expect(typeLabel('application/octet-stream', 'scan.heic')).toBe('HEIC');
    expect(typeLabel('', 'noext')).toBe('?');
  });

  it('formats sizes in the reader locale', () => {
    expect(formatBytes(600, 'en')).toBe('0.6 kB');
    expect(formatBytes(12 * 1024, 'en')).toBe('12 kB');
    expect(formatBytes(3.44 * 1024 * 1024, 'en')).toBe('3.4 MB');
    expect(formatBytes(3.44 * 1024 * 1024, 'zh-CN')).toContain('3.4');
  });

  it('fits a picture within a box without enlarging it, keeping its shape', () => {
    expect(fitWithin(1024, 768, 240)).toEqual({ width: 240, height: 180 });
    expect(fitWithin(300, 1200, 240)).toEqual({ width: 60, height: 240 });
    expect(fitWithin(100, 50, 240)).toEqual({ width: 100, height: 50 });
    expect(fitWithin(null, null, 240)).toEqual({ width: 240, height: 240 });
  });
});
