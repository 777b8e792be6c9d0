// `npm start [-- --demo]`: install if needed, build the web client if needed, migrate and serve.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDependencies, ensureWebBuild, root } from './setup.mjs';

ensureDependencies();
ensureWebBuild();
// Node flags the server runs with (heap sizing V8 reads only at start; see docs/OPERATIONS.md).
const nodeFlags = JSON.parse(fs.readFileSync(path.join(root, 'packages/server/node-flags.json'), 'utf8'));
const child = spawn(
  process.execPath,
  [...nodeFlags, path.join(root, 'packages/server/bin/rounds.mjs'), 'serve', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
