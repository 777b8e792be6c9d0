import { contracts, type EphemeralEvent, type Member, type MemberRole, type RoomEvent } from '@rounds/protocol';
import { call } from '../../lib/api';
import { createStore } from '../../lib/store';
import { rememberUsers } from '../users/users-store';

/** The first page of a room's members (a room may have 10,000), kept live by events. */
type RoomMembers = { byUser: Record<string, Member>; total: number; status: 'loading' | 'ready' | 'error' };
export const membersStore = createStore<Record<string, RoomMembers>>({});

/** Who is typing where: roomId -> userId -> { until, thread }. */
type TypingState = Record<string, Record<string, { until: number; threadRootId: string | null }>>;
export const typingStore = createStore<TypingState>({});

export function resetMembers(): void {
  membersStore.set({});
  typingStore.set({});
}

export async function loadMembers(roomId: string): Promise<void> {
  if (membersStore.get()[roomId]?.status === 'ready') return;
  membersStore.set((s) => ({
    ...s,
    [roomId]: { byUser: s[roomId]?.byUser ?? {}, total: s[roomId]?.total ?? 0, status: 'loading' },
  }));
  try {
    const r = await call(contracts.rooms.listMembers, { params: { roomId }, query: { limit: 200 } });
    rememberUsers(r.members.map((m) => m.user));
    membersStore.set((s) => {
      const byUser = { ...(s[roomId]?.byUser ?? {}) };
      for (const m of r.members) byUser[m.user.id] ??= m;
      return { ...s, [roomId]: { byUser, total: r.total, status: 'ready' } };
    });
  } catch {
    membersStore.set((s) => ({ ...s, [roomId]: { byUser: s[roomId]?.byUser ?? {}, total: 0, status: 'error' } }));
  }
}

/** Server-side member search, for big rooms whose members are not all loaded. */
export async function searchMembers(roomId: string, q: string): Promise<Member[]> {
  const r = await call(contracts.rooms.listMembers, { params: { roomId }, query: { q, limit: 50 } });
  rememberUsers(r.members.map((m) => m.user));
  return r.members;
}

function patch(roomId: string, fn: (rm: RoomMembers) => RoomMembers): void {
  membersStore.set((s) => {
    const cur = s[roomId];
    return cur ? { ...s, [roomId]: fn(cur) } : s;
  });
}

export function applyMemberEvent(e: RoomEvent): void {
  if (e.type === 'member.joined' || e.type === 'member.updated') {
    rememberUsers([e.member.user]);
    patch(e.roomId, (rm) => ({
      ...rm,
      byUser: { ...rm.byUser, [e.member.user.id]: e.member },
      total: e.type === 'member.joined' && !rm.byUser[e.member.user.id] ? rm.total + 1 : rm.total,
    }));
  } else if (e.type === 'member.left') {
    patch(e.roomId, (rm) => {
      if (!rm.byUser[e.userId]) return { ...rm, total: Math.max(0, rm.total - 1) };
      const { [e.userId]: _gone, ...rest } = rm.byUser;
      return { ...rm, byUser: rest, total: Math.max(0, rm.total - 1) };
    });
  }
}

const TYPING_MS = 6000;
let sweep: ReturnType<typeof setInterval> | undefined;

export function applyMemberEphemeral(e: EphemeralEvent, meId: string): void {
  if (e.type === 'presence') {
    patch(e.roomId, (rm) => {
      const m = rm.byUser[e.userId];
      return m && m.online !== e.online
        ? { ...rm, byUser: { ...rm.byUser, [e.userId]: { ...m, online: e.online } } }
        : rm;
    });
  } else if (e.type === 'typing' && e.userId !== meId) {
    typingStore.set((s) => ({
      ...s,
      [e.roomId]: { ...s[e.roomId], [e.userId]: { until: Date.now() + TYPING_MS, threadRootId: e.threadRootId } },
    }));
    sweep ??= setInterval(sweepTyping, 1000);
  }
}

/** A new message from someone ends their typing indicator. */
export function stopTyping(roomId: string, userId: string): void {
  typingStore.set((s) => {
    if (!s[roomId]?.[userId]) return s;
    const { [userId]: _done, ...rest } = s[roomId];
    return { ...s, [roomId]: rest };
  });
}

function sweepTyping(): void {
  const now = Date.now();
  typingStore.set((s) => {
    let changed = false;
    const next: TypingState = {};
    for (const [room, users] of Object.entries(s)) {
      const kept = Object.fromEntries(Object.entries(users).filter(([, v]) => v.until > now));
      if (Object.keys(kept).length !== Object.keys(users).length) changed = true;
      next[room] = kept;
    }
    if (!Object.values(next).some((u) => Object.keys(u).length) && sweep) {
      clearInterval(sweep);
      sweep = undefined;
    }
    return changed ? next : s;
  });
}

export async function setMemberRole(roomId: string, userId: string, role: MemberRole): Promise<void> {
  await call(contracts.rooms.setMemberRole, { params: { roomId, userId }, body: { role } });
}

export async function removeMember(roomId: string, userId: string): Promise<void> {
  await call(contracts.rooms.removeMember, { params: { roomId, userId } });
}

/** Online first, then by role, then by name. */
const rank: Record<MemberRole, number> = { owner: 0, moderator: 1, expert: 2, member: 3 };
export function sortMembers(list: Member[]): Member[] {
  return [...list].sort(
    (a, b) =>
      Number(b.online) - Number(a.online) ||
      rank[a.role] - rank[b.role] ||
      a.user.displayName.localeCompare(b.user.displayName),
  );
}
