import { Member, MemberList, Room } from '@rounds/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerUser, type TestUser } from '../../test/client';
import { startTestServer, type TestServer } from '../../test/server';
import { createRoom, expectError, join, roomCreator, setRole, strictParse } from './test-fixtures';

type Who = 'non-member' | 'member' | 'expert' | 'moderator' | 'owner' | 'admin';
type Action = 'update room' | 'set role' | 'remove member' | 'add member' | 'read members';
type Outcome = { status: number; code?: string };

const ok = (status: number): Outcome => ({ status });
const notMember: Outcome = { status: 403, code: 'not_a_member' };
const forbidden: Outcome = { status: 403, code: 'forbidden' };

/** Who may do what in a public room. Admins are not members of the room. */
const matrix: Record<Who, Record<Action, Outcome>> = {
  'non-member': {
    'update room': notMember,
    'set role': notMember,
    'remove member': notMember,
    'add member': notMember,
    'read members': notMember,
  },
  member: {
    'update room': forbidden,
    'set role': forbidden,
    'remove member': forbidden,
    'add member': forbidden,
    'read members': ok(200),
  },
  expert: {
    'update room': forbidden,
    'set role': forbidden,
    'remove member': forbidden,
    'add member': forbidden,
    'read members': ok(200),
  },
  moderator: {
    'update room': ok(200),
    'set role': ok(200),
    'remove member': ok(204),
    'add member': ok(201),
    'read members': ok(200),
  },
  owner: {
    'update room': ok(200),
    'set role': ok(200),
    'remove member': ok(204),
    'add member': ok(201),
    'read members': ok(200),
  },
  admin: {
    'update room': ok(200),
    'set role': ok(200),
    'remove member': ok(204),
    'add member': ok(201),
    'read members': ok(200),
  },
};

let srv: TestServer;
let people: Record<Who, TestUser> & { target: TestUser; candidate: TestUser };

/** A fresh room: owner, moderator, expert and member in their roles, plus a plain member to act on. */
async function freshRoom(): Promise<Room> {
  const room = await createRoom(srv, people.owner.token);
  for (const who of ['moderator', 'expert', 'member', 'target'] as const) await join(srv, people[who].token, room.id);
  await setRole(srv, people.owner.token, room.id, people.moderator.user.id, 'moderator');
  await setRole(srv, people.owner.token, room.id, people.expert.user.id, 'expert');
  return room;
}

function act(action: Action, roomId: string, token: string) {
  const { target, candidate } = people;
  switch (action) {
    case 'update room':
      return api(srv.url, 'PATCH', `/rooms/${roomId}`, { announcement: 'Masks on in the ward.' }, token);
    case 'set role':
      return api(srv.url, 'PATCH', `/rooms/${roomId}/members/${target.user.id}`, { role: 'expert' }, token);
    case 'remove member':
      return api(srv.url, 'DELETE', `/rooms/${roomId}/members/${target.user.id}`, undefined, token);
    case 'add member':
      return api(srv.url, 'POST', `/rooms/${roomId}/members`, { userId: candidate.user.id }, token);
    case 'read members':
      return api(srv.url, 'GET', `/rooms/${roomId}/members`, undefined, token);
  }
}

beforeAll(async () => {
  srv = await startTestServer();
  const admin = await registerUser(srv.url);
  const owner = await roomCreator(srv, admin);
  const [member, expert, moderator, outsider, target, candidate] = await Promise.all(
    [1, 2, 3, 4, 5, 6].map(() => registerUser(srv.url)),
  );
  people = {
    admin,
    owner,
    member: member!,
    expert: expert!,
    moderator: moderator!,
    'non-member': outsider!,
    target: target!,
    candidate: candidate!,
  };
});

afterAll(async () => {
  await srv?.[Symbol.asyncDispose]();
});

describe('role matrix', () => {
  const cells = Object.entries(matrix).flatMap(([who, row]) =>
    Object.entries(row).map(([action, outcome]) => ({ who: who as Who, action: action as Action, outcome })),
  );

  it.each(cells)('$who: $action -> $outcome.status', async ({ who, action, outcome }) => {
    const room = await freshRoom();
    const res = await act(action, room.id, people[who].token);
    if (outcome.code) {
      expectError(res, outcome.status, outcome.code);
      return;
    }
    expect(res.status, JSON.stringify(res.body)).toBe(outcome.status);
    if (action === 'read members') expect(strictParse(MemberList, res.body).total).toBe(5);
    if (action === 'set role' || action === 'add member') strictParse(Member, res.body);
    if (action === 'update room') expect(strictParse(Room, res.body).announcement).toBe('Masks on in the ward.');
  });

  it('hides invite-only rooms from non-members whatever they try', async () => {
    const room = await createRoom(srv, people.owner.token, { visibility: 'invite_only' });
    for (const action of Object.keys(matrix.member) as Action[]) {
      expectError(await act(action, room.id, people['non-member'].token), 404, 'room_not_found');
    }
  });
});

describe('role limits', () => {
  it('keeps moderators to experts and members', async () => {
    const room = await freshRoom();
    const { moderator, owner, expert, target, candidate } = people;
    const t = moderator.token;
    const patchRole = (userId: string, role: string) =>
      api(srv.url, 'PATCH', `/rooms/${room.id}/members/${userId}`, { role }, t);

    expectError(await patchRole(target.user.id, 'moderator'), 403, 'forbidden');
    expectError(await patchRole(target.user.id, 'owner'), 403, 'forbidden');
    expectError(await patchRole(owner.user.id, 'member'), 403, 'forbidden');
    expect((await patchRole(expert.user.id, 'member')).status).toBe(200);
    expectError(
      await api(srv.url, 'DELETE', `/rooms/${room.id}/members/${owner.user.id}`, undefined, t),
      403,
      'forbidden',
    );
    expectError(await api(srv.url, 'PATCH', `/rooms/${room.id}`, { capacity: 100 }, t), 403, 'forbidden');
    expectError(
      await api(srv.url, 'POST', `/rooms/${room.id}/members`, { userId: candidate.user.id, role: 'moderator' }, t),
      403,
      'forbidden',
    );
    expectError(
      await api(srv.url, 'PATCH', `/rooms/${room.id}/members/${candidate.user.id}`, { role: 'member' }, t),
      403,
      'not_a_member',
    );

    // Owners set any role, including a second owner and a second moderator.
    const second = await api(
      srv.url,
      'PATCH',
      `/rooms/${room.id}/members/${target.user.id}`,
      { role: 'owner' },
      owner.token,
    );
    expect(strictParse(Member, second.body).role).toBe('owner');
    expectError(
      await api(srv.url, 'DELETE', `/rooms/${room.id}/members/${target.user.id}`, undefined, t),
      403,
      'forbidden',
    );
    expect(
      (await api(srv.url, 'DELETE', `/rooms/${room.id}/members/${moderator.user.id}`, undefined, owner.token)).status,
    ).toBe(204);
  });

  it('lets a member remove themselves, which is leaving', async () => {
    const room = await freshRoom();
    expect(
      (
        await api(
          srv.url,
          'DELETE',
          `/rooms/${room.id}/members/${people.member.user.id}`,
          undefined,
          people.member.token,
        )
      ).status,
    ).toBe(204);
    expectError(
      await api(srv.url, 'GET', `/rooms/${room.id}/members`, undefined, people.member.token),
      403,
      'not_a_member',
    );
  });
});
