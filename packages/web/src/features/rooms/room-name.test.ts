import { describe, expect, it } from 'vitest';
import { splitRoomName } from './room-name';

describe('splitRoomName', () => {
  it('keeps the distinct end of long names that share a beginning', () => {
    const a = splitRoomName('Global health professionals on COVID-19 (Wuhan)');
    const b = splitRoomName('Global health professionals on COVID-19 (New York)');
    expect(a.tail).not.toBe(b.tail);
    expect(a.head + a.tail).toBe('Global health professionals on COVID-19 (Wuhan)');
    expect(b.tail).toBe(' (New York)');
    expect(a.tail).toBe(' (Wuhan)');
    expect(b.tail.startsWith(' ')).toBe(true);
  });

  it('leaves short names whole and cuts Chinese names by characters', () => {
    expect(splitRoomName('Night shift ICU')).toEqual({ head: 'Night shift ICU', tail: '' });
    const zh = splitRoomName('全球医护人员新冠肺炎交流群（武汉一群）');
    expect(zh.tail).toBe('交流群（武汉一群）'.slice(-6));
    expect(zh.head + zh.tail).toBe('全球医护人员新冠肺炎交流群（武汉一群）');
  });
});
