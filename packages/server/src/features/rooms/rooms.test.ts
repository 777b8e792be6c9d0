import { GroupList, MemberList, MyRoomList, Room, RoomGroup, RoomList } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, registerUser } from '../../test/client';
import { startTestServer } from '../../test/server';
import { createGroup, createRoom, expectError, join, roomCreator, strictParse } from './test-fixtures';

describe('creating rooms', () => {
  it('lets admins and permitted users create rooms; the creator owns it', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const creator = await roomCreator(srv, admin);
    const plain = await registerUser(srv.url);

    const room = await createRoom(srv, creator.token, {
      name: '  Fever clinic  ',
      topic: 'Triage',
      language: 'zh-hans',
    });
    expect(room).toMatchObject({
      name: 'Fever clinic',
      topic: 'Triage',
      language: 'zh-Hans',
      capacity: 500,
      memberCount: 1,
    });
    expect(room.visibility).toBe('public');
    expect(room.groupId).toBeNull();
    const mine = strictParse(MyRoomList, (await api(srv.url, 'GET', '/me/rooms', undefined, creator.token)).body);
    expect(mine.rooms.map((r) => [r.id, r.role])).toEqual([[room.id, 'owner']]);

    expect((await createRoom(srv, admin.token, { name: 'Lectures' })).memberCount).toBe(1);
    expectError(await api(srv.url, 'POST', '/rooms', { name: 'Mine' }, plain.token), 403, 'room_creation_not_allowed');
  });

  it('takes the announcement at creation, and the group’s room capacity unless the room names its own', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const room = await createRoom(srv, admin.token, {
      name: 'Triage',
      announcement: 'Read the pinned protocol first.',
    });
    expect(room.announcement).toBe('Read the pinned protocol first.');
    const group = await createGroup(srv, admin.token, { name: 'Wards', roomCapacity: 40 });
    expect((await createRoom(srv, admin.token, { name: 'Ward A', groupId: group.id })).capacity).toBe(40);
    expect((await createRoom(srv, admin.token, { name: 'Ward B', groupId: group.id, capacity: 12 })).capacity).toBe(12);
    expect((await createRoom(srv, admin.token, { name: 'Alone' })).capacity).toBe(500);
    expectError(
      await api(srv.url, 'POST', '/rooms', { name: 'Lost', groupId: 'AAAAAAAAAAAAAAAA' }, admin.token),
      404,
      'group_not_found',
    );
  });

  it('lets anyone create rooms when open room creation is on', async () => {
    await using srv = await startTestServer({ env: { ROUNDS_OPEN_ROOM_CREATION: 'true' } });
    await registerUser(srv.url);
    const plain = await registerUser(srv.url);
    expect((await createRoom(srv, plain.token)).memberCount).toBe(1);
    expect((await createGroup(srv, plain.token)).roomIds).toEqual([]);
  });

  it('keeps capacities above 500 for admins', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const creator = await roomCreator(srv, admin);
    expect((await createRoom(srv, creator.token, { capacity: 500 })).capacity).toBe(500);
    expectError(
      await api(srv.url, 'POST', '/rooms', { name: 'Big', capacity: 501 }, creator.token),
      403,
      'capacity_not_allowed',
    );
    expect((await createRoom(srv, admin.token, { capacity: 10_000 })).capacity).toBe(10_000);
    expectError(
      await api(srv.url, 'POST', '/rooms', { name: 'Huge', capacity: 100_001 }, admin.token),
      400,
      'validation_failed',
    );
    expectError(
      await api(srv.url, 'POST', '/rooms', { name: 'Tiny', capacity: 1 }, admin.token),
      400,
      'validation_failed',
    );
    expectError(await api(srv.url, 'POST', '/rooms', { name: '' }, admin.token), 400, 'validation_failed');

    const room = await createRoom(srv, creator.token);
    expectError(
      await api(srv.url, 'PATCH', `/rooms/${room.id}`, { capacity: 600 }, creator.token),
      403,
      'capacity_not_allowed',
    );
    const lowered = await api(srv.url, 'PATCH', `/rooms/${room.id}`, { capacity: 50 }, creator.token);
    expect(strictParse(Room, lowered.body).capacity).toBe(50);
    const raised = await api(srv.url, 'PATCH', `/rooms/${room.id}`, { capacity: 2000 }, admin.token);
    expect(strictParse(Room, raised.body).capacity).toBe(2000);

    expectError(
      await api(srv.url, 'POST', '/groups', { name: 'G', roomCapacity: 1000 }, creator.token),
      403,
      'capacity_not_allowed',
    );
  });

  it('puts a room in an existing group only', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const group = await createGroup(srv, admin.token, { name: 'Wuhan' });
    const room = await createRoom(srv, admin.token, { groupId: group.id });
    expect(room.groupId).toBe(group.id);
    expectError(
      await api(srv.url, 'POST', '/rooms', { name: 'X', groupId: 'nosuchgroup0000' }, admin.token),
      404,
      'group_not_found',
    );
    const g = strictParse(RoomGroup, (await api(srv.url, 'GET', `/groups/${group.id}`, undefined, admin.token)).body);
    expect(g.roomIds).toEqual([room.id]);
  });
});

describe('groups', () => {
  it('creates, lists and updates groups; only admins and creators change them', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const creator = await roomCreator(srv, admin);
    const other = await roomCreator(srv, admin);
    const plain = await registerUser(srv.url);

    const group = await createGroup(srv, creator.token, { name: 'Global ICU', autoCreate: false, roomCapacity: 50 });
    expect(group).toMatchObject({
      name: 'Global ICU',
      description: '',
      autoCreate: false,
      roomCapacity: 50,
      roomIds: [],
    });
    expectError(await api(srv.url, 'POST', '/groups', { name: 'No' }, plain.token), 403, 'room_creation_not_allowed');

    const a = await createRoom(srv, creator.token, { name: 'ICU 1', groupId: group.id });
    const b = await createRoom(srv, creator.token, { name: 'ICU 2', groupId: group.id });
    const hidden = await createRoom(srv, creator.token, {
      name: 'ICU staff',
      groupId: group.id,
      visibility: 'invite_only',
    });
    const list = strictParse(GroupList, (await api(srv.url, 'GET', '/groups', undefined, plain.token)).body);
    expect(list.groups.map((g) => [g.id, g.roomIds])).toEqual([[group.id, [a.id, b.id]]]);
    const forCreator = strictParse(
      RoomGroup,
      (await api(srv.url, 'GET', `/groups/${group.id}`, undefined, creator.token)).body,
    );
    expect(forCreator.roomIds).toEqual([a.id, b.id, hidden.id]);

    const patched = await api(
      srv.url,
      'PATCH',
      `/groups/${group.id}`,
      { autoCreate: true, description: 'ICU teams' },
      creator.token,
    );
    expect(strictParse(RoomGroup, patched.body)).toMatchObject({ autoCreate: true, description: 'ICU teams' });
    expectError(await api(srv.url, 'PATCH', `/groups/${group.id}`, { name: 'Mine' }, other.token), 403, 'forbidden');
    expectError(await api(srv.url, 'PATCH', `/groups/${group.id}`, { name: 'Mine' }, plain.token), 403, 'forbidden');
    expect((await api(srv.url, 'PATCH', `/groups/${group.id}`, { roomCapacity: 2000 }, admin.token)).status).toBe(200);
    expectError(await api(srv.url, 'GET', '/groups/nosuchgroup0000', undefined, admin.token), 404, 'group_not_found');
    expectError(
      await api(srv.url, 'PATCH', '/groups/nosuchgroup0000', { name: 'x' }, admin.token),
      404,
      'group_not_found',
    );
    expectError(await api(srv.url, 'GET', '/groups/bad!', undefined, admin.token), 400, 'validation_failed');
  });
});

describe('directory and reads', () => {
  it('filters the directory by text, language and group', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const reader = await registerUser(srv.url);
    const group = await createGroup(srv, admin.token);
    const icu = await createRoom(srv, admin.token, { name: 'ICU ventilation', language: 'en' });
    const zh = await createRoom(srv, admin.token, {
      name: '发热门诊',
      topic: 'Fever CLINIC triage',
      language: 'zh',
      groupId: group.id,
    });
    const pct = await createRoom(srv, admin.token, { name: '100% oxygen', description: 'High-flow' });
    const q = async (qs: string) =>
      strictParse(RoomList, (await api(srv.url, 'GET', `/rooms${qs}`, undefined, reader.token)).body).rooms.map(
        (r) => r.id,
      );

    expect((await q('')).sort()).toEqual([icu.id, zh.id, pct.id].sort());
    expect(await q('?q=ventilation')).toEqual([icu.id]);
    expect(await q('?q=clinic')).toEqual([zh.id]);
    expect(await q(`?q=${encodeURIComponent('发热')}`)).toEqual([zh.id]);
    expect(await q('?q=high-FLOW')).toEqual([pct.id]);
    expect(await q(`?q=${encodeURIComponent('%')}`)).toEqual([pct.id]);
    expect(await q('?q=_')).toEqual([]);
    expect(await q('?language=zh')).toEqual([zh.id]);
    expect(await q(`?groupId=${group.id}`)).toEqual([zh.id]);
    expect(await q('?limit=1')).toHaveLength(1);
    expectError(await api(srv.url, 'GET', '/rooms?limit=0', undefined, reader.token), 400, 'validation_failed');
  });

  it('answers malformed ids, unknown rooms and anonymous callers with typed errors', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const room = await createRoom(srv, admin.token);
    const missing = 'nosuchroom00000';
    for (const [method, path, body] of [
      ['GET', '/rooms/%s'],
      ['PATCH', '/rooms/%s', { topic: 'x' }],
      ['POST', '/rooms/%s/join'],
      ['POST', '/rooms/%s/leave'],
      ['GET', '/rooms/%s/members'],
      ['POST', '/rooms/%s/members', { userId: admin.user.id }],
      ['PATCH', `/rooms/%s/members/${admin.user.id}`, { role: 'member' }],
      ['DELETE', `/rooms/%s/members/${admin.user.id}`],
    ] as [string, string, unknown?][]) {
      expectError(
        await api(srv.url, method, path.replace('%s', 'bad id!'), body, admin.token),
        400,
        'validation_failed',
      );
      expectError(await api(srv.url, method, path.replace('%s', missing), body, admin.token), 404, 'room_not_found');
      expectError(await api(srv.url, method, path.replace('%s', room.id), body), 401, 'unauthenticated');
    }
    for (const path of ['/rooms', '/groups', '/me/rooms'])
      expectError(await api(srv.url, 'GET', path), 401, 'unauthenticated');
    expectError(await api(srv.url, 'POST', '/rooms', { name: 'x' }), 401, 'unauthenticated');
    expectError(await api(srv.url, 'POST', '/groups', { name: 'x' }), 401, 'unauthenticated');
    expectError(
      await api(srv.url, 'DELETE', `/rooms/${room.id}/members/bad!`, undefined, admin.token),
      400,
      'validation_failed',
    );
    expectError(
      await api(srv.url, 'PATCH', `/rooms/${room.id}`, { visibility: 'secret' }, admin.token),
      400,
      'validation_failed',
    );
    expectError(
      await api(srv.url, 'PATCH', `/rooms/${room.id}`, { groupId: 'nosuchgroup0000' }, admin.token),
      404,
      'group_not_found',
    );
  });

  it('lists members owners first, with presence, paginated', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url, { displayName: 'Zed Admin' });
    const room = await createRoom(srv, admin.token);
    const bob = await registerUser(srv.url, { displayName: 'Bob' });
    const amy = await registerUser(srv.url, { displayName: 'Amy' });
    const cat = await registerUser(srv.url, { displayName: 'Cat' });
    for (const u of [bob, amy, cat]) await join(srv, u.token, room.id);
    await api(srv.url, 'PATCH', `/rooms/${room.id}/members/${cat.user.id}`, { role: 'expert' }, admin.token);

    const page = strictParse(
      MemberList,
      (await api(srv.url, 'GET', `/rooms/${room.id}/members`, undefined, bob.token)).body,
    );
    expect(page.total).toBe(4);
    expect(page.members.map((m) => [m.user.displayName, m.role])).toEqual([
      ['Zed Admin', 'owner'],
      ['Cat', 'expert'],
      ['Amy', 'member'],
      ['Bob', 'member'],
    ]);
    expect(page.members.every((m) => !m.online)).toBe(true);
    const second = strictParse(
      MemberList,
      (await api(srv.url, 'GET', `/rooms/${room.id}/members?limit=2&offset=2`, undefined, bob.token)).body,
    );
    expect(second.members.map((m) => m.user.displayName)).toEqual(['Amy', 'Bob']);
    expect(second.total).toBe(4);
    const found = strictParse(
      MemberList,
      (await api(srv.url, 'GET', `/rooms/${room.id}/members?q=am`, undefined, bob.token)).body,
    );
    expect(found.members.map((m) => m.user.displayName)).toEqual(['Amy']);
  });
});
