import { MemberList, MyRoomList, RoomGroup, RoomList } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, registerUser } from '../../test/client';
import { startTestServer } from '../../test/server';
import { createGroup, createRoom, expectError, getRoom, join, roomCreator, strictParse } from './test-fixtures';

describe('joining and leaving', () => {
  it('joins a public room once, leaves it, and keeps the member count', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const clinician = await registerUser(srv.url);
    const room = await createRoom(srv, admin.token);

    const joined = await join(srv, clinician.token, room.id);
    expect(joined).toMatchObject({ requestedRoomId: room.id, overflowed: false, createdRoom: false });
    expect(joined.room.memberCount).toBe(2);
    expect(joined.room.lastSeq).toBe(2);
    const again = await join(srv, clinician.token, room.id);
    expect(again.room.memberCount).toBe(2);
    expect(again.room.lastSeq).toBe(2);

    const leave = await api(srv.url, 'POST', `/rooms/${room.id}/leave`, undefined, clinician.token);
    expect(leave.status).toBe(204);
    expect((await getRoom(srv, admin.token, room.id)).memberCount).toBe(1);
    expectError(await api(srv.url, 'POST', `/rooms/${room.id}/leave`, undefined, clinician.token), 403, 'not_a_member');
    const mine = strictParse(MyRoomList, (await api(srv.url, 'GET', '/me/rooms', undefined, clinician.token)).body);
    expect(mine.rooms).toEqual([]);
  });

  it('keeps the last owner until they are alone', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const owner = await roomCreator(srv, admin);
    const member = await registerUser(srv.url);
    const room = await createRoom(srv, owner.token);
    await join(srv, member.token, room.id);

    expectError(await api(srv.url, 'POST', `/rooms/${room.id}/leave`, undefined, owner.token), 409, 'last_owner');
    expectError(
      await api(srv.url, 'PATCH', `/rooms/${room.id}/members/${owner.user.id}`, { role: 'member' }, owner.token),
      409,
      'last_owner',
    );
    expectError(
      await api(srv.url, 'PATCH', `/rooms/${room.id}/members/${owner.user.id}`, { role: 'member' }, admin.token),
      409,
      'last_owner',
    );
    expectError(
      await api(srv.url, 'DELETE', `/rooms/${room.id}/members/${owner.user.id}`, undefined, admin.token),
      409,
      'last_owner',
    );

    // A second owner frees the first.
    expect(
      (await api(srv.url, 'PATCH', `/rooms/${room.id}/members/${member.user.id}`, { role: 'owner' }, owner.token))
        .status,
    ).toBe(200);
    expect((await api(srv.url, 'POST', `/rooms/${room.id}/leave`, undefined, owner.token)).status).toBe(204);
    // Alone, the last owner may go.
    expect((await api(srv.url, 'POST', `/rooms/${room.id}/leave`, undefined, member.token)).status).toBe(204);
    expect((await getRoom(srv, admin.token, room.id)).memberCount).toBe(0);
  });

  it('refuses a full room outside a group', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const [a, b] = [await registerUser(srv.url), await registerUser(srv.url)];
    const room = await createRoom(srv, admin.token, { capacity: 2 });
    await join(srv, a!.token, room.id);
    expectError(await api(srv.url, 'POST', `/rooms/${room.id}/join`, undefined, b!.token), 409, 'room_full');
  });

  it('overflows into the oldest sibling with space', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const group = await createGroup(srv, admin.token, { name: 'Global health', autoCreate: false, roomCapacity: 2 });
    const first = await createRoom(srv, admin.token, { name: 'GH 1', capacity: 2, groupId: group.id });
    const second = await createRoom(srv, admin.token, { name: 'GH 2', capacity: 3, groupId: group.id });
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => registerUser(srv.url)));

    expect(await join(srv, a!.token, first.id)).toMatchObject({
      overflowed: false,
      room: { id: first.id, memberCount: 2 },
    });
    const placed = await join(srv, b!.token, first.id);
    expect(placed).toMatchObject({ requestedRoomId: first.id, overflowed: true, createdRoom: false });
    expect(placed.room).toMatchObject({ id: second.id, memberCount: 2 });
    // Asking for the full room again lands you in the sibling you already belong to.
    expect((await join(srv, b!.token, first.id)).room.id).toBe(second.id);
    expect((await join(srv, c!.token, first.id)).room).toMatchObject({ id: second.id, memberCount: 3 });
    expectError(await api(srv.url, 'POST', `/rooms/${first.id}/join`, undefined, d!.token), 409, 'room_full');
    expectError(await api(srv.url, 'POST', `/rooms/${second.id}/join`, undefined, d!.token), 409, 'room_full');
  });

  it('creates a new sibling when every room of an autoCreate group is full', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const creator = await roomCreator(srv, admin);
    const group = await createGroup(srv, creator.token, {
      name: 'Global clinicians',
      autoCreate: true,
      roomCapacity: 3,
    });
    const first = await createRoom(srv, creator.token, {
      name: 'Global clinicians 1',
      capacity: 2,
      groupId: group.id,
      topic: 'COVID-19',
      description: 'Frontline exchange',
      language: 'zh',
    });
    const [a, b] = await Promise.all([1, 2].map(() => registerUser(srv.url)));
    await join(srv, a!.token, first.id);

    const made = await join(srv, b!.token, first.id);
    expect(made).toMatchObject({ requestedRoomId: first.id, overflowed: true, createdRoom: true });
    expect(made.room).toMatchObject({
      name: 'Global clinicians 2',
      groupId: group.id,
      topic: 'COVID-19',
      description: 'Frontline exchange',
      language: 'zh',
      visibility: 'public',
      capacity: 3,
      memberCount: 2,
    });
    const members = strictParse(
      MemberList,
      (await api(srv.url, 'GET', `/rooms/${made.room.id}/members`, undefined, b!.token)).body,
    );
    expect(members.members.map((m) => [m.user.id, m.role])).toEqual([
      [creator.user.id, 'owner'],
      [b!.user.id, 'member'],
    ]);
    const g = strictParse(RoomGroup, (await api(srv.url, 'GET', `/groups/${group.id}`, undefined, b!.token)).body);
    expect(g.roomIds).toEqual([first.id, made.room.id]);
    const bRooms = strictParse(MyRoomList, (await api(srv.url, 'GET', '/me/rooms', undefined, b!.token)).body);
    expect(bRooms.rooms.map((r) => r.id)).toEqual([made.room.id]);
  });

  it('never exceeds capacity under 20 concurrent joins', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const users = await Promise.all(Array.from({ length: 20 }, () => registerUser(srv.url)));
    const room = await createRoom(srv, admin.token, { capacity: 5 });
    const results = await Promise.all(
      users.map((u) => api(srv.url, 'POST', `/rooms/${room.id}/join`, undefined, u.token)),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(4); // the owner holds the fifth seat
    for (const r of results.filter((r) => r.status !== 200)) expectError(r, 409, 'room_full');
    const after = await getRoom(srv, admin.token, room.id);
    expect(after.memberCount).toBe(5);
    expect(after.lastSeq).toBe(5);
    const members = strictParse(
      MemberList,
      (await api(srv.url, 'GET', `/rooms/${room.id}/members`, undefined, admin.token)).body,
    );
    expect(members.total).toBe(5);
  });

  it('spreads 20 concurrent joins over a group without overfilling any room', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const users = await Promise.all(Array.from({ length: 20 }, () => registerUser(srv.url)));
    const fixed = await createGroup(srv, admin.token, { name: 'Fixed', autoCreate: false, roomCapacity: 5 });
    const f1 = await createRoom(srv, admin.token, { capacity: 5, groupId: fixed.id });
    const f2 = await createRoom(srv, admin.token, { capacity: 5, groupId: fixed.id });
    const fixedResults = await Promise.all(
      users.map((u) => api(srv.url, 'POST', `/rooms/${f1.id}/join`, undefined, u.token)),
    );
    const placed = fixedResults.filter((r) => r.status === 200);
    expect(placed).toHaveLength(8);
    expect(placed.filter((r) => r.body.overflowed)).toHaveLength(4);
    for (const r of fixedResults.filter((r) => r.status !== 200)) expectError(r, 409, 'room_full');
    expect((await getRoom(srv, admin.token, f1.id)).memberCount).toBe(5);
    expect((await getRoom(srv, admin.token, f2.id)).memberCount).toBe(5);

    const growing = await createGroup(srv, admin.token, { name: 'Growing', autoCreate: true, roomCapacity: 5 });
    const g1 = await createRoom(srv, admin.token, { capacity: 5, groupId: growing.id });
    const results = await Promise.all(
      users.map((u) => api(srv.url, 'POST', `/rooms/${g1.id}/join`, undefined, u.token)),
    );
    expect(results.map((r) => r.status)).toEqual(users.map(() => 200));
    const group = strictParse(
      RoomGroup,
      (await api(srv.url, 'GET', `/groups/${growing.id}`, undefined, admin.token)).body,
    );
    const rooms = await Promise.all(group.roomIds.map((id) => getRoom(srv, admin.token, id)));
    for (const r of rooms) expect(r.memberCount).toBeLessThanOrEqual(r.capacity);
    // 1 owner + 20 joiners, 5 seats a room: the owner takes a seat in every room the group creates.
    expect(rooms.reduce((n, r) => n + r.memberCount, 0)).toBe(21 + (rooms.length - 1));
    expect(new Set(rooms.map((r) => r.name)).size).toBe(rooms.length);
    expect(rooms.map((r) => r.name).slice(1)).toEqual(rooms.slice(1).map((_, i) => `Growing ${i + 2}`));
  });
});

describe('invite-only rooms', () => {
  it('are hidden from non-members and filled by owners and moderators', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const owner = await roomCreator(srv, admin);
    const guest = await registerUser(srv.url);
    const outsider = await registerUser(srv.url);
    const secret = await createRoom(srv, owner.token, { name: 'Ethics board', visibility: 'invite_only' });
    const open = await createRoom(srv, owner.token, { name: 'Open ward' });

    const dir = strictParse(RoomList, (await api(srv.url, 'GET', '/rooms', undefined, outsider.token)).body);
    expect(dir.rooms.map((r) => r.id)).toEqual([open.id]);
    expectError(await api(srv.url, 'GET', `/rooms/${secret.id}`, undefined, outsider.token), 404, 'room_not_found');
    expectError(
      await api(srv.url, 'GET', `/rooms/${secret.id}/members`, undefined, outsider.token),
      404,
      'room_not_found',
    );
    expectError(
      await api(srv.url, 'POST', `/rooms/${secret.id}/join`, undefined, outsider.token),
      404,
      'room_not_found',
    );
    expect((await getRoom(srv, admin.token, secret.id)).id).toBe(secret.id);

    const added = await api(srv.url, 'POST', `/rooms/${secret.id}/members`, { userId: guest.user.id }, owner.token);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ role: 'member', user: { id: guest.user.id } });
    expectError(
      await api(srv.url, 'POST', `/rooms/${secret.id}/members`, { userId: guest.user.id }, owner.token),
      409,
      'already_a_member',
    );
    expectError(
      await api(srv.url, 'POST', `/rooms/${secret.id}/members`, { userId: 'nosuchuser00000' }, owner.token),
      404,
      'user_not_found',
    );
    expect((await getRoom(srv, guest.token, secret.id)).memberCount).toBe(2);
    expect((await join(srv, guest.token, secret.id)).room.id).toBe(secret.id);
    const guestDir = strictParse(RoomList, (await api(srv.url, 'GET', '/rooms', undefined, guest.token)).body);
    expect(guestDir.rooms.map((r) => r.id).sort()).toEqual([open.id, secret.id].sort());
  });

  it('respects capacity when adding', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const [a, b] = [await registerUser(srv.url), await registerUser(srv.url)];
    const room = await createRoom(srv, admin.token, { capacity: 2, visibility: 'invite_only' });
    expect((await api(srv.url, 'POST', `/rooms/${room.id}/members`, { userId: a!.user.id }, admin.token)).status).toBe(
      201,
    );
    expectError(
      await api(srv.url, 'POST', `/rooms/${room.id}/members`, { userId: b!.user.id }, admin.token),
      409,
      'room_full',
    );
  });
});
