import { contracts, type RoomGroup } from '@rounds/protocol';
import { useEffect, useState } from 'react';
import { call } from '../../lib/api';

/** Loads the group list once for the group settings. */
export function useGroups(): [RoomGroup[], () => void] {
  const [groups, setGroups] = useState<RoomGroup[]>([]);
  const [n, setN] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `n` is the reload trigger
  useEffect(() => {
    call(contracts.rooms.listGroups, {}).then(
      (r) => setGroups(r.groups),
      () => setGroups([]),
    );
  }, [n]);
  return [groups, () => setN((x) => x + 1)];
}
