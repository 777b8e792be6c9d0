import { contracts, type LoginBody, type RegisterBody, type SelfUser, type UpdateProfileBody } from '@rounds/protocol';
import { applyAccountLocale } from '../../i18n';
import { ApiError, call } from '../../lib/api';
import { persistOutbox } from '../../lib/outbox';
import { navigate } from '../../lib/router';
import { socket } from '../../lib/socket';
import { createStore } from '../../lib/store';
import { loadMyRooms } from '../rooms/rooms-store';

type SessionState =
  | { status: 'loading'; me: null }
  | { status: 'signed-out'; me: null }
  | { status: 'signed-in'; me: SelfUser };

export const sessionStore = createStore<SessionState>({ status: 'loading', me: null });

/** Listeners that reset feature state at sign-out (each feature registers its own in its events.ts). */
const resetters: (() => void)[] = [];
export function onSignOut(fn: () => void): void {
  resetters.push(fn);
}

function signedIn(me: SelfUser): void {
  sessionStore.set({ status: 'signed-in', me });
  applyAccountLocale(me.locale);
  persistOutbox(me.id);
  socket.start();
  // Over HTTP, not waiting for the socket: where WebSockets are slow to come (or blocked by a proxy), the
  // room list and history still show; live events follow once the socket is up (its hello loads them again).
  loadMyRooms().catch(() => {});
}

/** Local sign-out: the cookie is gone or was revoked. */
export function signedOut(): void {
  socket.stop();
  for (const r of resetters) r();
  sessionStore.set({ status: 'signed-out', me: null });
}

/** On start-up: who am I (the session cookie decides)? */
export async function bootstrap(): Promise<void> {
  try {
    // Not GET /me: its 401 for a signed-out visitor is logged by the browser on every page load.
    const { user } = await call(contracts.accounts.session, {});
    if (user) signedIn(user);
    else sessionStore.set({ status: 'signed-out', me: null });
  } catch {
    sessionStore.set({ status: 'signed-out', me: null });
  }
}

/** Checks the session after repeated socket failures; signs out when it was revoked. */
export async function checkSession(): Promise<void> {
  try {
    const me = await call(contracts.accounts.getSelf, {});
    setMe(me);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) signedOut();
  }
}

export async function register(body: RegisterBody): Promise<void> {
  const r = await call(contracts.accounts.register, { body });
  signedIn(r.user);
  navigate('/', { replace: true });
}

export async function login(body: LoginBody): Promise<void> {
  const r = await call(contracts.accounts.login, { body });
  signedIn(r.user);
  navigate('/', { replace: true });
}

export async function logout(): Promise<void> {
  try {
    await call(contracts.accounts.logout, {});
  } finally {
    signedOut();
    navigate('/signin', { replace: true });
  }
}

/** Bumped when one of my sessions is revoked elsewhere, so an open session list reloads. */
export const sessionsVersion = createStore(0);
export function notifySessionsChanged(): void {
  sessionsVersion.set((n) => n + 1);
}

export function setMe(me: SelfUser): void {
  sessionStore.set({ status: 'signed-in', me });
}

export async function updateProfile(body: UpdateProfileBody): Promise<SelfUser> {
  const me = await call(contracts.accounts.updateProfile, { body });
  setMe(me);
  return me;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
let lastMe: SelfUser | null = null;
export function useMe(): SelfUser {
  const me = sessionStore.use((s) => s.me);
  if (me) lastMe = me;
  // During the render that unmounts the shell at sign-out, keep the last user rather than crash.
  return (me ?? lastMe) as SelfUser;
}

export function currentUserId(): string {
  return sessionStore.get().me?.id ?? '';
}
