import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const require = !!process.env.ROUNDS_REQUIRE_SERVICES;
const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  if (require) throw new Error('ROUNDS_REQUIRE_SERVICES is set but TEST_DATABASE_URL is not');
  console.log('PostgreSQL suite skipped: TEST_DATABASE_URL is not set (.ci/run sets it).');
}
// The cluster suite starts a Redis of its own: it needs the redis-server program, not just a URL.
const hasRedisServer = (process.env.PATH ?? '')
  .split(path.delimiter)
  .some((dir) => dir && fs.existsSync(path.join(dir, 'redis-server')));
if (pgUrl && !hasRedisServer) {
  if (require) throw new Error('ROUNDS_REQUIRE_SERVICES is set but redis-server is not installed');
  console.log('Cluster suite skipped: redis-server is not installed (apt-get install redis-server).');
}

const shared = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
  pool: 'forks' as const,
  poolOptions: { forks: { maxForks: 2, minForks: 1 } },
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'sqlite',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
          exclude: ['**/node_modules/**', 'packages/server/src/cluster/**'],
        },
      },
      ...(pgUrl
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                // The core integration suite again, on PostgreSQL: every feature and the gateway.
                include: [
                  'packages/server/src/features/**/*.test.ts',
                  'packages/server/src/jobs/**/*.test.ts',
                  'packages/server/src/realtime/**/*.test.ts',
                  'packages/server/src/events/**/*.test.ts',
                  'packages/server/src/streams/**/*.test.ts',
                  'packages/server/src/demo/**/*.test.ts',
                ],
                env: { TEST_STORE: 'postgres' },
              },
            },
          ]
        : []),
      ...(pgUrl && hasRedisServer
        ? [
            {
              test: {
                ...shared,
                name: 'cluster',
                // Several server processes on PostgreSQL and a Redis of the test's own.
                include: ['packages/server/src/cluster/**/*.test.ts'],
                testTimeout: 120_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
