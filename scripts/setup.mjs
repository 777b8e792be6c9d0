// Shared by start.mjs and test.mjs: installs dependencies when missing and builds the web client when stale.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (first run; better-sqlite3 compiles, a few minutes)…');
  // Errors only: deprecation notices about packages deep in the tree are nothing a newcomer can act on.
  execSync('npm ci --no-audit --no-fund --loglevel=error', { cwd: root, stdio: 'inherit' });
}

/** Builds packages/web into packages/web/dist when missing or older than its sources. */
export function ensureWebBuild() {
  const web = path.join(root, 'packages', 'web');
  const index = path.join(web, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(path.join(web, 'src')),
    newestMtime(path.join(root, 'packages', 'protocol', 'src')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  console.log('Building the web client…');
  // Vite's list of emitted files is noise here; its warnings and errors still show.
  execSync('npm run build --silent -w @rounds/web -- --logLevel warn', { cwd: root, stdio: 'inherit' });
}
