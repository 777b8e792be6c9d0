// `npm test`: the whole suite. Unit and integration tests (vitest), then the browser end-to-end specs.
// PostgreSQL and Redis suites run when TEST_DATABASE_URL / TEST_REDIS_URL are set (.ci/run sets them).
import { spawnSync } from 'node:child_process';
import { ensureDependencies, ensureWebBuild, root } from './setup.mjs';

ensureDependencies();
ensureWebBuild();
const run = (args) => spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

const steps = [
  ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['biome', 'check', '.']],
  ['unused code', ['knip']],
  ['unit and integration', ['vitest', 'run']],
  ['end-to-end', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']],
];
let failed = 0;
for (const [name, args] of steps) {
  console.log(`\n=== ${name}: npx ${args.join(' ')}`);
  const code = run(args);
  if (code !== 0) {
    console.log(`=== ${name} FAILED (exit ${code})`);
    failed++;
  }
}
console.log(`\nsteps: ${steps.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
