import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { Limits } from '@rounds/protocol';

// Algorithm 2 is argon2id; the other parameters are the library's defaults (OWASP's minimum: 19 MiB, t=2).
const OPTIONS = { algorithm: 2 as const };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against an account's hash. Without an account (unknown e-mail) it verifies against a
 * dummy hash of the same parameters and answers false, so both cases cost the same argon2 work (issue 11).
 */
export async function verifyPassword(hashed: string | undefined, password: string): Promise<boolean> {
  if (hashed === undefined) {
    dummy ??= hash(randomBytes(24).toString('base64url'), OPTIONS);
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(hashed, password).catch(() => false);
}

const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty12345',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'admin12345',
  'abc1234567',
  'changeme123',
  'doctor1234',
  'hospital123',
  'nurse12345',
  'covid19covid',
  'coronavirus',
  '1q2w3e4r5t',
  'a1b2c3d4e5',
  'zxcvbnm123',
  'football123',
  'monkey12345',
  'sunshine123',
  'princess123',
  'trustno1234',
]);

/** Returns why a password is too weak, or undefined when it is acceptable. */
export function passwordWeakness(password: string, email: string, displayName: string): string | undefined {
  if (password.length < Limits.minPasswordChars) return `Use at least ${Limits.minPasswordChars} characters.`;
  if (password.length > Limits.maxPasswordChars) return `Use at most ${Limits.maxPasswordChars} characters.`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return 'Use more different characters.';
  if (COMMON.has(lower)) return 'This password is too common.';
  if (/^(.{1,3})\1+$/.test(lower)) return 'Avoid repeated patterns.';
  if (/^(0123456789|1234567890|abcdefghij)/.test(lower)) return 'Avoid sequences.';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'Do not use your e-mail address in your password.';
  const name = displayName.toLowerCase().replace(/\s+/g, '');
  if (name.length >= 4 && lower.replace(/\s+/g, '') === name) return 'Do not use your name as your password.';
  return undefined;
}
