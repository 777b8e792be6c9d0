import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');

/** Builds the web client once per run (E2E_SKIP_BUILD=1 reuses packages/web/dist). */
export default function setup(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(`No chromium at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const dist = path.join(web, 'dist/index.html');
  if (process.env.E2E_SKIP_BUILD && fs.existsSync(dist)) return;
  const vite = path.join(web, 'node_modules/.bin/vite');
  const bin = fs.existsSync(vite) ? vite : path.join(root, 'node_modules/.bin/vite');
  // vitest sets NODE_ENV=test, which would give a development build of React.
  execFileSync(bin, ['build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  fs.mkdirSync(path.join(root, '.artifacts/screenshots'), { recursive: true });
}
