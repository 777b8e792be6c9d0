// `npm test`: the whole suite. Unit and integration tests (vitest), then the browser end-to-end specs.
// PostgreSQL and Redis suites run when TEST_DATABASE_URL / TEST_REDIS_URL are set (.ci/run sets them).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureDependencies, ensureWebBuild, root } from './setup.mjs';

// The browser specs drive Debian's chromium. Without it the step is skipped with one line saying what to
// install, unless ROUNDS_REQUIRE_SERVICES is set (.ci/run), where a missing browser fails the run.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromium);

ensureDependencies();
ensureWebBuild();
const run = (args) => spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

const steps = [
  ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', ['biome', 'check', '.']],
  ['unused code', ['knip']],
  ['unit and integration', ['vitest', 'run']],
  ['end-to-end', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']],
].filter(([name]) => name !== 'end-to-end' || hasChromium || process.env.ROUNDS_REQUIRE_SERVICES);
if (steps.length < 5) {
  console.log(`End-to-end step skipped: no chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`);
}
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
