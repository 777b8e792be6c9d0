import type { CreateRoomBody, GroupList, Room, RoomGroup, RoomList } from '@rounds/protocol';
import type { z } from 'zod';
import { api, qs } from '../../lib/api';

export async function listRooms(q: string, language: string, groupId: string): Promise<Room[]> {
  return (await api.get<z.infer<typeof RoomList>>(`/rooms${qs({ q, language, groupId, limit: 200 })}`)).rooms;
}

export async function listGroups(): Promise<RoomGroup[]> {
  return (await api.get<z.infer<typeof GroupList>>('/groups')).groups;
}

export function createGroup(body: {
  name: string;
  description?: string;
  autoCreate: boolean;
  roomCapacity: number;
}): Promise<RoomGroup> {
  return api.post<RoomGroup>('/groups', body);
}

export function updateGroup(
  groupId: string,
  body: Partial<{ name: string; autoCreate: boolean; roomCapacity: number }>,
): Promise<RoomGroup> {
  return api.patch<RoomGroup>(`/groups/${encodeURIComponent(groupId)}`, body);
}

export function createRoom(body: Partial<CreateRoomBody> & { name: string }): Promise<Room> {
  return api.post<Room>('/rooms', body);
}

export function getRoom(roomId: string): Promise<Room> {
  return api.get<Room>(`/rooms/${encodeURIComponent(roomId)}`);
}

/** Languages offered for rooms and filters. */
export const ROOM_LANGUAGES = ['en', 'zh', 'es', 'fr', 'ar', 'ru', 'pt', 'de', 'it', 'ja', 'ko', 'hi'];
