import { randomInt } from 'node:crypto';
import type {
  AdminUpdateUserBody,
  AuthResult,
  PublicUser,
  RegisterBody,
  SelfUser,
  UpdateProfileBody,
} from '@rounds/protocol';
import type { z } from 'zod';
import type { Actor, Deps } from '../../context';
import type { UserRow } from '../../db/schema';
import { AppError } from '../../errors';
import { metricsOf } from '../../http/metrics';
import { newId, newToken } from '../../ids';
import { hashPassword, passwordWeakness, verifyPassword } from './password';
import { announceRevoked, tokenHash } from './sessions';
import * as store from './store';

export {
  authenticate,
  deleteExpiredSessions,
  flushSessionTouches,
  listSessions,
  logout,
  revokeSession,
} from './sessions';

/** BCP 47 tags in canonical case (`zh-hans` → `zh-Hans`), without repeats. */
const canonicalLanguages = (tags: readonly string[]) => [
  ...new Set(tags.map((t) => Intl.getCanonicalLocales(t)[0] as string)),
];

export type ClientMeta = { ip: string; userAgent: string };

const iso = (ms: number) => new Date(ms).toISOString();

/** The one mapper of a user for other people's eyes. */
export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    handle: row.handle,
    displayName: row.display_name,
    profession: row.profession as PublicUser['profession'],
    specialty: row.specialty,
    country: row.country,
    institution: row.institution,
    languages: JSON.parse(row.languages) as string[],
    timeZone: row.time_zone,
    verification: row.verification as PublicUser['verification'],
    role: row.role as PublicUser['role'],
    demo: row.demo === 1,
    createdAt: iso(row.created_at),
  };
}

/** The one mapper of a user for their own eyes. */
function toSelfUser(row: UserRow): SelfUser {
  return {
    ...toPublicUser(row),
    email: row.email,
    locale: row.locale as SelfUser['locale'],
    canCreateRooms: row.can_create_rooms === 1 || row.role === 'admin',
  };
}

async function limitAuth(deps: Deps, key: string): Promise<void> {
  const perMin = deps.config.rate.authPerMin;
  const r = await deps.limiter.take(`auth:${key}`, perMin / 60, perMin);
  if (!r.ok)
    throw new AppError('rate_limited', 'Too many attempts; wait and try again.', { retryAfterMs: r.retryAfterMs });
}

/**
 * Turns a display name or e-mail into a free handle: `wen.li`, then `wen.li2`, … After a few lost races
 * (`attempt`) it adds random digits, so many people of one name registering at once all get through.
 */
async function freeHandle(deps: Deps, seed: string, attempt = 0): Promise<string> {
  const base =
    seed
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.+|\.+$/g, '')
      .slice(0, 24) || 'member';
  const stem = base.length >= 2 ? base : `${base}.member`;
  if (attempt >= 3) return `${stem}${randomInt(1000, 1_000_000)}`;
  const taken = new Set(await store.findHandlesLike(deps.db, stem));
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

async function openSession(deps: Deps, user: UserRow, meta: ClientMeta): Promise<AuthResult> {
  const token = newToken();
  const now = Date.now();
  const id = newId();
  await store.insertSession(deps.db, {
    id,
    user_id: user.id,
    token_hash: tokenHash(token),
    user_agent: meta.userAgent.slice(0, 300),
    created_at: now,
    last_seen_at: now,
    expires_at: now + deps.config.sessionDays * 86_400_000,
  });
  return { user: toSelfUser(user), token, sessionId: id };
}

/** Creates an account and signs it in. The first account on a server is its admin. Throws email_taken, handle_taken, password_too_weak, rate_limited. */
export async function register(deps: Deps, input: z.infer<typeof RegisterBody>, meta: ClientMeta): Promise<AuthResult> {
  await limitAuth(deps, meta.ip);
  const email = input.email.trim().toLowerCase();
  const weak = passwordWeakness(input.password, email, input.displayName);
  if (weak) throw new AppError('password_too_weak', weak);
  if (await store.findUserByEmail(deps.db, email))
    throw new AppError('email_taken', 'An account with this e-mail exists.');
  if (input.handle && (await store.findUserByHandle(deps.db, input.handle))) {
    throw new AppError('handle_taken', 'This handle is taken.');
  }
  const seed = input.displayName.match(/[a-z]/i) ? input.displayName : (email.split('@')[0] ?? '');
  const first = (await store.countUsers(deps.db)) === 0;
  const now = Date.now();
  const row: UserRow = {
    id: newId(),
    email,
    handle: input.handle ?? (await freeHandle(deps, seed)),
    password_hash: await hashPassword(input.password),
    display_name: input.displayName,
    profession: input.profession,
    specialty: input.specialty,
    country: input.country,
    institution: input.institution,
    languages: JSON.stringify(canonicalLanguages(input.languages)),
    time_zone: input.timeZone,
    verification: 'unverified',
    role: first ? 'admin' : 'user',
    can_create_rooms: first ? 1 : 0,
    demo: 0,
    locale: input.locale ?? null,
    created_at: now,
    updated_at: now,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await store.insertUser(deps.db, row);
      return openSession(deps, row, meta);
    } catch (err) {
      // Registrations raced past the checks above; the unique index decided. A handle the server derived
      // is derived again (issue 11: twelve "Wei Wang" at once); a chosen one, or the e-mail, is taken.
      if (!/unique|duplicate/i.test(String(err))) throw err;
      const onHandle = String(err).includes('handle');
      if (!onHandle) throw new AppError('email_taken', 'An account with this e-mail exists.');
      if (input.handle) throw new AppError('handle_taken', 'This handle is taken.');
      row.handle = await freeHandle(deps, seed, attempt);
    }
  }
}

/** Signs in. Throws invalid_credentials (same for unknown e-mail and wrong password), rate_limited. */
export async function login(deps: Deps, email: string, password: string, meta: ClientMeta): Promise<AuthResult> {
  const normalized = email.trim().toLowerCase();
  await limitAuth(deps, meta.ip);
  await limitAuth(deps, normalized);
  const user = await store.findUserByEmail(deps.db, normalized);
  // An unknown e-mail costs the same hashing as a wrong password, so response times do not reveal accounts.
  metricsOf(deps)?.passwordChecks.inc({ against: user ? 'account' : 'dummy' });
  const matches = await verifyPassword(user?.password_hash, password);
  if (!user || !matches) {
    throw new AppError('invalid_credentials', 'E-mail or password is wrong.');
  }
  return openSession(deps, user, meta);
}

/** Throws user_not_found. */
async function loadUser(deps: Deps, id: string): Promise<UserRow> {
  const row = await store.findUserById(deps.db, id);
  if (!row) throw new AppError('user_not_found', 'No such user.');
  return row;
}

export async function getSelf(deps: Deps, actor: Actor): Promise<SelfUser> {
  return toSelfUser(await loadUser(deps, actor.userId));
}

/** Any signed-in user may see a profile. Throws user_not_found. */
export async function getUser(deps: Deps, _actor: Actor, userId: string): Promise<PublicUser> {
  return toPublicUser(await loadUser(deps, userId));
}

export async function getUsers(deps: Deps, ids: readonly string[]): Promise<Map<string, UserRow>> {
  const rows = await store.findUsersByIds(deps.db, ids);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function searchUsers(deps: Deps, _actor: Actor, q: string): Promise<PublicUser[]> {
  return (await store.searchUsers(deps.db, q, 50)).map(toPublicUser);
}

export async function updateProfile(deps: Deps, actor: Actor, patch: UpdateProfileBody): Promise<SelfUser> {
  await store.updateUser(deps.db, actor.userId, {
    ...(patch.displayName !== undefined && { display_name: patch.displayName }),
    ...(patch.profession !== undefined && { profession: patch.profession }),
    ...(patch.specialty !== undefined && { specialty: patch.specialty }),
    ...(patch.country !== undefined && { country: patch.country }),
    ...(patch.institution !== undefined && { institution: patch.institution }),
    ...(patch.languages !== undefined && { languages: JSON.stringify(canonicalLanguages(patch.languages)) }),
    ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
    ...(patch.locale !== undefined && { locale: patch.locale }),
    updated_at: Date.now(),
  });
  return getSelf(deps, actor);
}

/** Changes the password and signs out every other session. Throws invalid_credentials, password_too_weak. */
export async function changePassword(deps: Deps, actor: Actor, current: string, next: string): Promise<void> {
  await limitAuth(deps, actor.userId);
  const user = await loadUser(deps, actor.userId);
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new AppError('invalid_credentials', 'The current password is wrong.');
  }
  const weak = passwordWeakness(next, user.email, user.display_name);
  if (weak) throw new AppError('password_too_weak', weak);
  await store.updateUser(deps.db, actor.userId, { password_hash: await hashPassword(next), updated_at: Date.now() });
  const revoked = await store.deleteOtherSessions(deps.db, actor.userId, actor.sessionId);
  announceRevoked(deps, actor.userId, revoked);
}

/** Sets a password without the old one (the CLI's reset), signing out every session. */
export async function resetPassword(deps: Deps, email: string, next: string): Promise<void> {
  const user = await store.findUserByEmail(deps.db, email.trim().toLowerCase());
  if (!user) throw new AppError('user_not_found', `No account with e-mail ${email}.`);
  const weak = passwordWeakness(next, user.email, user.display_name);
  if (weak) throw new AppError('password_too_weak', weak);
  await store.updateUser(deps.db, user.id, { password_hash: await hashPassword(next), updated_at: Date.now() });
  announceRevoked(deps, user.id, await store.deleteOtherSessions(deps.db, user.id, null));
}

/** Admin only: verification, role, room creation. Throws forbidden, user_not_found, last_admin. */
export async function adminUpdateUser(
  deps: Deps,
  actor: Actor,
  userId: string,
  patch: z.infer<typeof AdminUpdateUserBody>,
): Promise<SelfUser> {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'Only an admin can do this.');
  await deps.db.transaction().execute(async (trx) => {
    const user = await store.findUserById(trx, userId);
    if (!user) throw new AppError('user_not_found', 'No such user.');
    if (user.role === 'admin' && patch.role !== undefined && patch.role !== 'admin') {
      // Locking every admin row makes two admins demoting each other at once take turns.
      const admins = await store.lockAdmins(trx);
      if (admins.length <= 1) {
        throw new AppError('last_admin', 'This is the only administrator; make someone else an admin first.');
      }
    }
    await store.updateUser(trx, userId, {
      ...(patch.verification !== undefined && { verification: patch.verification }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.canCreateRooms !== undefined && { can_create_rooms: patch.canCreateRooms ? 1 : 0 }),
      updated_at: Date.now(),
    });
  });
  return toSelfUser(await loadUser(deps, userId));
}

/** Creates an account from the CLI (`rounds admin create`); returns its id. */
export async function createAdmin(
  deps: Deps,
  input: { email: string; password: string; displayName: string },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const weak = passwordWeakness(input.password, email, input.displayName);
  if (weak) throw new AppError('password_too_weak', weak);
  if (await store.findUserByEmail(deps.db, email))
    throw new AppError('email_taken', 'An account with this e-mail exists.');
  const now = Date.now();
  const id = newId();
  await store.insertUser(deps.db, {
    id,
    email,
    handle: await freeHandle(deps, input.displayName),
    password_hash: await hashPassword(input.password),
    display_name: input.displayName,
    profession: 'other',
    specialty: '',
    country: 'US',
    institution: '',
    languages: '["en"]',
    time_zone: 'UTC',
    verification: 'verified',
    role: 'admin',
    can_create_rooms: 1,
    demo: 0,
    locale: null,
    created_at: now,
    updated_at: now,
  });
  return id;
}
