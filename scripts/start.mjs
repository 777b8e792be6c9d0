// `npm start [-- --demo]`: install if needed, build the web client if needed, migrate and serve.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureDependencies, ensureWebBuild, root } from './setup.mjs';

ensureDependencies();
ensureWebBuild();
const child = spawn(
  process.execPath,
  [path.join(root, 'packages/server/bin/rounds.mjs'), 'serve', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
