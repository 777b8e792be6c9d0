import { api, registerUser, TestSocket, type TestUser } from './client';
import type { TestServer } from './server';

export type RoomFixture = { roomId: string; owner: TestUser; members: TestUser[] };

/** Registers an admin (the first account) who creates a room, and `n` members who join it. */
export async function roomWithMembers(
  srv: TestServer,
  n: number,
  room: Record<string, unknown> = {},
): Promise<RoomFixture> {
  const owner = await registerUser(srv.url);
  const created = await api(srv.url, 'POST', '/rooms', { name: 'Fever clinic', ...room }, owner.token);
  if (created.status !== 201) throw new Error(`create room: ${created.status} ${JSON.stringify(created.body)}`);
  const roomId = created.body.id as string;
  const members: TestUser[] = [];
  for (let i = 0; i < n; i++) {
    const m = await registerUser(srv.url);
    const joined = await api(srv.url, 'POST', `/rooms/${roomId}/join`, undefined, m.token);
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
    members.push(m);
  }
  return { roomId, owner, members };
}

/** Connects and says hello for each user. */
export function connectAll(srv: TestServer, users: TestUser[]): Promise<TestSocket[]> {
  return Promise.all(users.map((u) => TestSocket.connect(srv.wsUrl, u.token)));
}
