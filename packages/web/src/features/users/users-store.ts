import { contracts, type PublicUser } from '@rounds/protocol';
import { useEffect } from 'react';
import { call } from '../../lib/api';
import { createStore } from '../../lib/store';

/** Profiles of people seen in rooms (senders, members, mentions), fetched once and cached. */
export const usersStore = createStore<Record<string, PublicUser>>({});

const inflight = new Set<string>();
const queue = new Set<string>();
let scheduled = false;

export function rememberUsers(users: PublicUser[]): void {
  if (users.length === 0) return;
  usersStore.set((s) => {
    const next = { ...s };
    for (const u of users) next[u.id] = u;
    return next;
  });
}

async function flush(): Promise<void> {
  scheduled = false;
  const ids = [...queue];
  queue.clear();
  await Promise.all(
    ids.map(async (id) => {
      inflight.add(id);
      try {
        rememberUsers([await call(contracts.accounts.getUser, { params: { userId: id } })]);
      } catch {
        // Unknown or deleted user: the name shows as a placeholder.
      } finally {
        inflight.delete(id);
      }
    }),
  );
}

/** Fetches a profile unless it is cached or on its way. */
function ensureUser(id: string): void {
  if (!id || usersStore.get()[id] || inflight.has(id) || queue.has(id)) return;
  queue.add(id);
  if (!scheduled) {
    scheduled = true;
    setTimeout(() => void flush(), 30);
  }
}

export function useUser(id: string): PublicUser | undefined {
  const user = usersStore.use((s) => s[id]);
  useEffect(() => {
    if (!user) ensureUser(id);
  }, [id, user]);
  return user;
}

/** Searches people by name or handle, for mentions and adding members. */
export async function searchUsers(q: string): Promise<PublicUser[]> {
  const r = await call(contracts.accounts.searchUsers, { query: { q } });
  rememberUsers(r.users);
  return r.users;
}

export function findUserByHandle(handle: string): PublicUser | undefined {
  return Object.values(usersStore.get()).find((u) => u.handle === handle);
}
