import { randomBytes } from 'node:crypto';

/** A random 16-character URL-safe id (96 bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/** A random 256-bit bearer token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
