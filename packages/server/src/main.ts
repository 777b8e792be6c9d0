import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRounds } from './app';
import { ConfigError, loadConfig } from './config';
import { migrateToLatest, openDatabase } from './db/database';

const HELP = `rounds — a real-time exchange for clinicians

Usage: rounds <command> [options]

Commands:
  serve [--demo]                    Migrate the database, start the server and print its URL.
                                    --demo loads the demo community first; a data folder that already
                                    has accounts is refused (exit 1, nothing changed, not started).
  migrate                           Apply pending database migrations and exit.
  demo                              Load the demo community into an empty data folder and exit
                                    (exit 1 when the folder already has accounts).
  admin create --email E --name N   Create an admin account (password from ROUNDS_ADMIN_PASSWORD or prompted).
  admin reset-password --email E    Set a new password (from ROUNDS_ADMIN_PASSWORD or prompted); signs out all sessions.
  backup <file>                     Write a consistent online copy of the SQLite database to <file>.
  help                              Show this help.

Configuration comes from environment variables (see README.md): PORT, HOST, ROUNDS_DATA_DIR, DATABASE_URL, REDIS_URL, ...
`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ROUNDS_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString().split('\n')[0] ?? '';
  }
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password: ');
  rl.close();
  return answer;
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return 0;
  }
  const config = loadConfig(process.env, { webDist: findWebDist() });
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      const rounds = await createRounds(config);
      if (values.demo) {
        const { loadDemo } = await import('./demo/load');
        const { loaded } = await loadDemo(rounds.deps, (line: string) => console.log(line));
        if (!loaded) {
          // Starting anyway let people believe they were looking at the demo (issue 11).
          await rounds.close();
          process.stderr.write(
            'Not started: --demo asks for the demo community, and it was not loaded. Start without --demo to ' +
              'serve this data, or set ROUNDS_DATA_DIR to a new folder for the demo.\n',
          );
          return 1;
        }
      }
      const url = await rounds.listen();
      console.log(`Rounds is running at ${url} (data: ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
      if (!config.webDist)
        console.log('The web client is not built: run `npm run build -w @rounds/web` to serve it here.');
      const stop = async (signal: string) => {
        console.log(`${signal}: draining connections and stopping…`);
        await rounds.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
      return -1;
    }
    case 'migrate': {
      const pgSchema = config.databaseSchema;
      const database = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, pgSchema });
      const applied = await migrateToLatest(database, pgSchema);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      await database.close();
      return 0;
    }
    case 'demo': {
      const rounds = await createRounds(config);
      const { loadDemo } = await import('./demo/load');
      const { loaded } = await loadDemo(rounds.deps, (line: string) => console.log(line));
      await rounds.close();
      return loaded ? 0 : 1;
    }
    case 'admin': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { email: { type: 'string' }, name: { type: 'string' } },
      });
      const sub = positionals[0];
      if (!values.email || (sub !== 'create' && sub !== 'reset-password')) {
        process.stderr.write('Usage: rounds admin create --email E --name N | rounds admin reset-password --email E\n');
        return 2;
      }
      const rounds = await createRounds(config, { cli: true });
      const accounts = await import('./features/accounts/service');
      try {
        const password = await readPassword();
        if (sub === 'create') {
          const id = await accounts.createAdmin(rounds.deps, {
            email: values.email,
            password,
            displayName: values.name ?? 'Administrator',
          });
          console.log(`Created admin ${values.email} (${id}).`);
        } else {
          await accounts.resetPassword(rounds.deps, values.email, password);
          console.log(`Password of ${values.email} changed; every session of it was signed out.`);
        }
      } finally {
        await rounds.close();
      }
      return 0;
    }
    case 'backup': {
      const target = rest[0];
      if (!target) {
        process.stderr.write('Usage: rounds backup <file>\n');
        return 2;
      }
      if (config.databaseUrl) {
        process.stderr.write('On PostgreSQL, back up with pg_dump (docs/OPERATIONS.md).\n');
        return 2;
      }
      const file = path.join(config.dataDir, 'rounds.sqlite');
      if (!fs.existsSync(file)) {
        process.stderr.write(`No database at ${file}: check ROUNDS_DATA_DIR.\n`);
        return 2;
      }
      fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
      const { backupSqlite } = await import('./db/backup');
      const { pages } = await backupSqlite(file, target);
      console.log(`Backed up ${file} to ${path.resolve(target)} (${pages} pages).`);
      return 0;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

/** The built web client, beside this package in the workspace. */
function findWebDist(): string | undefined {
  const dist = path.resolve(import.meta.dirname, '../../web/dist');
  return fs.existsSync(path.join(dist, 'index.html')) ? dist : undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    const e = err as { code?: string; message?: string };
    if (e && typeof e.code === 'string' && e.message) {
      process.stderr.write(`Error (${e.code}): ${e.message}\n`);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  },
);
