import { createHash } from 'node:crypto';
import type { SessionInfo } from '@rounds/protocol';
import type { Actor, Deps } from '../../context';
import { AppError } from '../../errors';
import { announce } from '../../events/unit';
import * as store from './store';

/** Sessions: bearer tokens (stored hashed), last-seen times, listing and revoking, closing their sockets. */

/** Tokens are stored as their SHA-256, so a stolen database holds no usable token. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');
const iso = (ms: number) => new Date(ms).toISOString();

/** Resolves a bearer token to its actor, or undefined when unknown or expired. */
export async function authenticate(deps: Deps, token: string): Promise<Actor | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const session = await store.findSessionByTokenHash(deps.db, tokenHash(token));
  const now = Date.now();
  if (!session || session.expires_at < now) return undefined;
  if (now - session.last_seen_at > 60_000) queueTouch(deps, session.id, now);
  return { userId: session.user_id, sessionId: session.id, role: session.role as Actor['role'] };
}

const touches = new WeakMap<Deps, Map<string, number>>();

/** Remembers that a session was used; written in one transaction by flushSessionTouches, not one commit per request. */
function queueTouch(deps: Deps, sessionId: string, at: number): void {
  let pending = touches.get(deps);
  if (!pending) {
    pending = new Map();
    touches.set(deps, pending);
  }
  pending.set(sessionId, at);
}

/** Writes queued "last seen" times (called every few seconds and at shutdown). */
export async function flushSessionTouches(deps: Deps): Promise<void> {
  const pending = touches.get(deps);
  if (!pending || pending.size === 0) return;
  const batch = [...pending];
  pending.clear();
  await deps.db.transaction().execute(async (trx) => {
    for (const [id, at] of batch) await store.touchSession(trx, id, at);
  });
}

/** Forgets sessions past their expiry (they are refused already; this keeps the table small). */
export async function deleteExpiredSessions(deps: Deps): Promise<void> {
  await store.deleteExpiredSessions(deps.db, deps.clock.now());
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  await revokeSession(deps, actor, actor.sessionId);
}

/** Closes the sockets of revoked sessions (on every node; from the CLI through signals, see events/signals.ts). */
export function announceRevoked(deps: Deps, userId: string, sessionIds: readonly string[]): void {
  announce(
    deps,
    ...sessionIds.map((sessionId) => ({
      audience: { user: userId },
      event: { type: 'session.revoked' as const, sessionId },
    })),
  );
}

export async function listSessions(deps: Deps, actor: Actor): Promise<SessionInfo[]> {
  const rows = await store.findSessionsByUser(deps.db, actor.userId);
  return rows.map((r) => ({
    id: r.id,
    createdAt: iso(r.created_at),
    lastSeenAt: iso(r.last_seen_at),
    expiresAt: iso(r.expires_at),
    userAgent: r.user_agent,
    current: r.id === actor.sessionId,
  }));
}

/** Signs a session out and closes its sockets. Throws session_not_found. */
export async function revokeSession(deps: Deps, actor: Actor, sessionId: string): Promise<void> {
  const n = await store.deleteSession(deps.db, actor.userId, sessionId);
  if (n === 0) throw new AppError('session_not_found', 'No such session.');
  announceRevoked(deps, actor.userId, [sessionId]);
}
