import { useEffect } from 'react';
import { roomsStore, totalUnread } from './rooms-store';

/** "(3) Rounds": unread messages across my rooms, in the tab title. */
export function useTabTitle(): void {
  const n = roomsStore.use(totalUnread);
  useEffect(() => {
    document.title = n > 0 ? `(${n > 999 ? '999+' : n}) Rounds` : 'Rounds';
  }, [n]);
}
