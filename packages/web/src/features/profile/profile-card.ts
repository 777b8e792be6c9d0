import { createStore } from '../../lib/store';
import { findUserByHandle, searchUsers } from '../users/users-store';

/** Which member's profile card is open (at most one). */
export const profileCardStore = createStore<{ userId: string } | null>(null);

export function openProfile(userId: string): void {
  profileCardStore.set({ userId });
}

export function closeProfile(): void {
  profileCardStore.set(null);
}

/** Opens the card of an @mentioned handle, looking the person up if needed. */
export async function openProfileByHandle(handle: string): Promise<void> {
  const known = findUserByHandle(handle);
  if (known) return openProfile(known.id);
  const found = (await searchUsers(handle)).find((u) => u.handle === handle);
  if (found) openProfile(found.id);
}
