import { Limits } from '@rounds/protocol';
import type { Actor, Deps } from '../../context';
import { AppError } from '../../errors';
import { getUsers } from '../accounts/service';

/** Whether the actor may create rooms and groups: the per-user right, an admin, or open creation. */
export async function canCreateRooms(deps: Deps, actor: Actor): Promise<boolean> {
  if (actor.role === 'admin' || deps.config.openRoomCreation) return true;
  const user = (await getUsers(deps, [actor.userId])).get(actor.userId);
  return user?.can_create_rooms === 1;
}

/** Capacities above the default are an admin's call. Throws capacity_not_allowed. */
export function checkCapacity(actor: Actor, capacity: number): void {
  if (capacity > Limits.defaultRoomCapacity && actor.role !== 'admin') {
    throw new AppError('capacity_not_allowed', `Only an admin can set a capacity above ${Limits.defaultRoomCapacity}.`);
  }
}
