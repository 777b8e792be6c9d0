import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('has defaults for a newcomer', () => {
    const c = loadConfig({});
    expect([c.port, c.host, c.databaseUrl, c.redisUrl]).toEqual([3000, '127.0.0.1', undefined, undefined]);
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['DATABASE_SCHEMA', 'Robert; DROP'],
    ['ROUNDS_OPEN_ROOM_CREATION', 'maybe'],
    ['ROUNDS_LOG_LEVEL', 'loud'],
  ])('stops on a bad %s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
