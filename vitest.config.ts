import { defineConfig } from 'vitest/config';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
  if (process.env.ROUNDS_REQUIRE_SERVICES)
    throw new Error('ROUNDS_REQUIRE_SERVICES is set but TEST_DATABASE_URL is not');
  console.log('PostgreSQL suite skipped: TEST_DATABASE_URL is not set (.ci/run sets it).');
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
