import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Deps } from '../context';
import { AppError } from '../errors';
import { authenticate } from '../features/accounts/service';

const SESSION_COOKIE = 'rounds_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where a request's credentials are: a bearer header (API clients) or the session cookie (browsers). */
export function credentialsOf(
  headers: Record<string, string | string[] | undefined>,
  cookies: Record<string, string | undefined>,
) {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.toLowerCase().startsWith('bearer ')) {
    return { token: auth.slice(7).trim(), viaCookie: false };
  }
  const cookie = cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : undefined;
}

/**
 * True when a cookie-authenticated request comes from our own origin. Browsers send Origin on unsafe
 * requests and on WebSocket upgrades; a cross-site page cannot forge it (CSRF and cross-site WebSocket hijacking).
 */
export function sameOrigin(
  headers: Record<string, string | string[] | undefined>,
  config: { publicUrl: string | undefined; trustProxy: boolean },
): boolean {
  const origin = headers.origin;
  const site = headers['sec-fetch-site'];
  if (site === 'same-origin') return true;
  if (typeof origin !== 'string') return site === undefined; // non-browser clients send neither
  // X-Forwarded-* come from whoever connects unless a proxy we trust sets them (ROUNDS_TRUST_PROXY).
  const forwarded = (name: string) => {
    const v = headers[name];
    return config.trustProxy && typeof v === 'string' ? v.split(',')[0]?.trim() : undefined;
  };
  const host = forwarded('x-forwarded-host') ?? headers.host;
  const proto = forwarded('x-forwarded-proto');
  try {
    const o = new URL(origin);
    if (config.publicUrl && o.origin === new URL(config.publicUrl).origin) return true;
    return o.host === host && (proto === undefined || o.protocol === `${proto}:`);
  } catch {
    return false;
  }
}

/** Resolves `request.actor` on every request; checks CSRF for cookie-authenticated unsafe methods. */
export function installAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (req) => {
    const creds = credentialsOf(req.headers, req.cookies);
    if (!creds) return;
    const actor = await authenticate(deps, creds.token);
    if (!actor) return;
    if (creds.viaCookie && !SAFE.has(req.method) && !sameOrigin(req.headers, deps.config)) {
      throw new AppError('csrf_failed', 'Cross-site request refused.');
    }
    req.actor = actor;
  });
}

/** The caller, or `unauthenticated`. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in first.');
  return req.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, days: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: days * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
