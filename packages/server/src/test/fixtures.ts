import { type CreateRoomBody, contracts } from '@rounds/protocol';
import { client, registerUser, TestSocket, type TestUser } from './client';
import type { TestServer } from './server';

export type RoomFixture = { roomId: string; owner: TestUser; members: TestUser[] };

/** Registers an admin (the first account) who creates a room, and `n` members who join it. */
export async function roomWithMembers(
  srv: TestServer,
  n: number,
  room: Partial<CreateRoomBody> = {},
): Promise<RoomFixture> {
  const owner = await registerUser(srv.url);
  const created = await client(srv.url, owner.token)(contracts.rooms.createRoom, {
    body: { name: 'Fever clinic', ...room },
  });
  const roomId = created.id;
  const members: TestUser[] = [];
  for (let i = 0; i < n; i++) {
    const m = await registerUser(srv.url);
    await client(srv.url, m.token)(contracts.rooms.joinRoom, { params: { roomId } });
    members.push(m);
  }
  return { roomId, owner, members };
}

/** Connects and says hello for each user. */
export function connectAll(srv: TestServer, users: TestUser[]): Promise<TestSocket[]> {
  return Promise.all(users.map((u) => TestSocket.connect(srv.wsUrl, u.token)));
}
