import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../bin/rounds.mjs');

async function rounds(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, ROUNDS_LOG_LEVEL: 'silent', ...env },
      // A server that starts when it should not is killed rather than left running.
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the rounds CLI', { timeout: 120_000 }, () => {
  it('lists its commands', async () => {
    const { code, stdout } = await rounds(['--help']);
    expect(code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'admin create', 'admin reset-password', 'backup', 'demo']) {
      expect(stdout).toContain(cmd);
    }
    expect((await rounds(['frobnicate'])).code).toBe(2);
  });

  it('stops on a bad environment variable, naming it', async () => {
    const { code, stderr } = await rounds(['migrate'], { PORT: 'eighty' });
    expect(code).toBe(78);
    expect(stderr).toContain('PORT');
  });

  it('migrates, creates an admin, resets the password and backs up a consistent copy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-cli-'));
    const env = { ROUNDS_DATA_DIR: dir };
    expect((await rounds(['migrate'], env)).stdout).toContain('Applied: 0001-core');
    expect((await rounds(['migrate'], env)).stdout).toContain('up to date');
    const created = await rounds(['admin', 'create', '--email', 'Ops@Example.org', '--name', 'Ops Lead'], {
      ...env,
      ROUNDS_ADMIN_PASSWORD: 'a long operator passphrase',
    });
    expect(created.code).toBe(0);
    const weak = await rounds(['admin', 'reset-password', '--email', 'ops@example.org'], {
      ...env,
      ROUNDS_ADMIN_PASSWORD: 'short',
    });
    expect([weak.code, weak.stderr]).toEqual([1, expect.stringContaining('password_too_weak')]);
    const reset = await rounds(['admin', 'reset-password', '--email', 'ops@example.org'], {
      ...env,
      ROUNDS_ADMIN_PASSWORD: 'another long passphrase',
    });
    expect(reset.code).toBe(0);
    const target = path.join(dir, 'backups', 'copy.sqlite');
    expect((await rounds(['backup', target], env)).code).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    const row = copy.prepare('SELECT email, role FROM users').get();
    copy.close();
    expect(row).toEqual({ email: 'ops@example.org', role: 'admin' });

    // --demo on a folder with accounts: refused, nothing changed, no server left running (issue 11).
    const demo = await rounds(['serve', '--demo'], { ...env, PORT: '0', HOST: '127.0.0.1' });
    expect(demo.code).toBe(1);
    expect(demo.stdout).toContain('Nothing was changed');
    expect(demo.stderr).toContain('Not started');
    expect(demo.stdout).not.toContain('Rounds is running');
    const standalone = await rounds(['demo'], env);
    expect(standalone.code).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
