import { type CreateRoomBody, contracts, type Room, type RoomGroup } from '@rounds/protocol';
import { call } from '../../lib/api';

export async function listRooms(q: string, language: string, groupId: string): Promise<Room[]> {
  return (await call(contracts.rooms.listRooms, { query: { q, language, groupId, limit: 200 } })).rooms;
}

export async function listGroups(): Promise<RoomGroup[]> {
  return (await call(contracts.rooms.listGroups, {})).groups;
}

export function createGroup(body: {
  name: string;
  description?: string;
  autoCreate: boolean;
  roomCapacity: number;
}): Promise<RoomGroup> {
  return call(contracts.rooms.createGroup, { body });
}

export function updateGroup(
  groupId: string,
  body: Partial<{ name: string; autoCreate: boolean; roomCapacity: number }>,
): Promise<RoomGroup> {
  return call(contracts.rooms.updateGroup, { params: { groupId }, body });
}

export function createRoom(body: Partial<CreateRoomBody> & { name: string }): Promise<Room> {
  return call(contracts.rooms.createRoom, { body });
}

export function getRoom(roomId: string): Promise<Room> {
  return call(contracts.rooms.getRoom, { params: { roomId } });
}

/** Languages offered for rooms and filters. */
export const ROOM_LANGUAGES = ['en', 'zh', 'es', 'fr', 'ar', 'ru', 'pt', 'de', 'it', 'ja', 'ko', 'hi'];
