import { type CreateRoomBody, ErrorResponse, JoinResult, Room, RoomGroup, type ServerFrame } from '@rounds/protocol';
import { expect } from 'vitest';
import type { z } from 'zod';
import { api, registerUser, type TestSocket, type TestUser } from '../../test/client';
import type { TestServer } from '../../test/server';

/**
 * Parses with the schema and fails on any field the schema does not declare, at any depth: Zod objects
 * strip unknown keys, so the parsed value equals the input only when nothing was extra.
 */
export function strictParse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.parse(value);
  expect(parsed).toStrictEqual(value);
  return parsed;
}

/** Expects an error reply with this status and code. */
export function expectError(res: { status: number; body: unknown }, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } })?.error?.code }).toEqual({
    status,
    code,
  });
  ErrorResponse.parse(res.body);
}

/** A user who may create rooms, granted by the admin. */
export async function roomCreator(
  srv: TestServer,
  admin: TestUser,
  over: Parameters<typeof registerUser>[1] = {},
): Promise<TestUser> {
  const u = await registerUser(srv.url, over);
  const res = await api(srv.url, 'PATCH', `/admin/users/${u.user.id}`, { canCreateRooms: true }, admin.token);
  expect(res.status).toBe(200);
  return u;
}

export async function createRoom(srv: TestServer, token: string, body: Partial<CreateRoomBody> = {}): Promise<Room> {
  const res = await api(srv.url, 'POST', '/rooms', { name: 'Fever clinic', ...body }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return strictParse(Room, res.body);
}

export async function createGroup(
  srv: TestServer,
  token: string,
  body: { name?: string; autoCreate?: boolean; roomCapacity?: number } = {},
): Promise<RoomGroup> {
  const res = await api(srv.url, 'POST', '/groups', { name: 'Global clinicians', ...body }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return strictParse(RoomGroup, res.body);
}

export async function join(srv: TestServer, token: string, roomId: string): Promise<JoinResult> {
  const res = await api(srv.url, 'POST', `/rooms/${roomId}/join`, undefined, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return strictParse(JoinResult, res.body);
}

export async function getRoom(srv: TestServer, token: string, roomId: string): Promise<Room> {
  const res = await api(srv.url, 'GET', `/rooms/${roomId}`, undefined, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return strictParse(Room, res.body);
}

export async function setRole(
  srv: TestServer,
  token: string,
  roomId: string,
  userId: string,
  role: string,
): Promise<void> {
  const res = await api(srv.url, 'PATCH', `/rooms/${roomId}/members/${userId}`, { role }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The first frame of a type (and room) the socket has received or will receive. */
export function nextEvent(
  sock: TestSocket,
  type: ServerFrame['type'],
  roomId?: string,
  extra: (f: ServerFrame) => boolean = () => true,
) {
  return sock.waitFor((f) => f.type === type && (!roomId || ('roomId' in f && f.roomId === roomId)) && extra(f));
}
