import {
  MemberJoined,
  MemberLeft,
  MemberList,
  MembershipChanged,
  MemberUpdated,
  MyRoomList,
  Room,
  RoomUpdated,
} from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, registerUser, TestSocket } from '../../test/client';
import { startTestServer } from '../../test/server';
import { createGroup, createRoom, join, nextEvent, roomCreator, strictParse } from './test-fixtures';

describe('live room events', () => {
  it('tells existing members and the joiner about a join, in seq order', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const owner = await roomCreator(srv, admin);
    const joiner = await registerUser(srv.url, { displayName: 'Dr Chen' });
    const room = await createRoom(srv, owner.token);
    const ownerSock = await TestSocket.connect(srv.wsUrl, owner.token);
    const joinerSock = await TestSocket.connect(srv.wsUrl, joiner.token);
    try {
      const joined = await join(srv, joiner.token, room.id);
      const seen = strictParse(MemberJoined, await nextEvent(ownerSock, 'member.joined', room.id));
      expect(seen).toMatchObject({
        roomId: room.id,
        seq: joined.room.lastSeq,
        member: { role: 'member', online: true },
      });
      expect(seen.member.user).toMatchObject({ id: joiner.user.id, displayName: 'Dr Chen' });

      // The joiner's own sockets are subscribed first, so they see their own join too.
      strictParse(MembershipChanged, await nextEvent(joinerSock, 'membership.changed', room.id));
      const own = strictParse(MemberJoined, await nextEvent(joinerSock, 'member.joined', room.id));
      expect(own.seq).toBe(joined.room.lastSeq);
      const kinds = joinerSock.frames.filter((f) => 'roomId' in f && f.roomId === room.id).map((f) => f.type);
      expect(kinds.slice(0, 2)).toEqual(['membership.changed', 'member.joined']);

      const members = strictParse(
        MemberList,
        (await api(srv.url, 'GET', `/rooms/${room.id}/members`, undefined, owner.token)).body,
      );
      expect(members.members.every((m) => m.online)).toBe(true);
    } finally {
      ownerSock.close();
      joinerSock.close();
    }
  });

  it('announces an announcement as room.updated with the next seq', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const member = await registerUser(srv.url);
    const room = await createRoom(srv, admin.token);
    await join(srv, member.token, room.id);
    const sock = await TestSocket.connect(srv.wsUrl, member.token);
    try {
      const text = 'Lecture 7 tonight at 20:00 Beijing time: ventilator settings.';
      const res = await api(srv.url, 'PATCH', `/rooms/${room.id}`, { announcement: text }, admin.token);
      expect(res.status).toBe(200);
      const updated = strictParse(Room, res.body);
      expect(updated.announcement).toBe(text);
      const ev = strictParse(RoomUpdated, await nextEvent(sock, 'room.updated', room.id));
      expect(ev.seq).toBe(room.lastSeq + 2); // after the member's join
      expect(ev.seq).toBe(updated.lastSeq);
      expect(ev.room).toEqual(updated);

      // Nothing changed, nothing announced.
      const same = await api(srv.url, 'PATCH', `/rooms/${room.id}`, { announcement: text }, admin.token);
      expect(strictParse(Room, same.body).lastSeq).toBe(updated.lastSeq);
    } finally {
      sock.close();
    }
  });

  it('announces role changes and removals; a removed member stops receiving the room', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const member = await registerUser(srv.url);
    const room = await createRoom(srv, admin.token);
    await join(srv, member.token, room.id);
    const adminSock = await TestSocket.connect(srv.wsUrl, admin.token);
    const memberSock = await TestSocket.connect(srv.wsUrl, member.token);
    try {
      await api(srv.url, 'PATCH', `/rooms/${room.id}/members/${member.user.id}`, { role: 'expert' }, admin.token);
      const up = strictParse(MemberUpdated, await nextEvent(memberSock, 'member.updated', room.id));
      expect(up.member).toMatchObject({ role: 'expert', user: { id: member.user.id } });

      expect(
        (await api(srv.url, 'DELETE', `/rooms/${room.id}/members/${member.user.id}`, undefined, admin.token)).status,
      ).toBe(204);
      const left = strictParse(MemberLeft, await nextEvent(adminSock, 'member.left', room.id));
      expect(left).toEqual({
        type: 'member.left',
        roomId: room.id,
        seq: up.seq + 1,
        userId: member.user.id,
        removed: true,
      });
      strictParse(MemberLeft, await nextEvent(memberSock, 'member.left', room.id));
      const gone = strictParse(
        MembershipChanged,
        await nextEvent(memberSock, 'membership.changed', room.id, (f) => 'joined' in f && !f.joined),
      );
      expect(gone.joined).toBe(false);

      await api(srv.url, 'PATCH', `/rooms/${room.id}`, { topic: 'After removal' }, admin.token);
      await nextEvent(adminSock, 'room.updated', room.id);
      expect(memberSock.ofType('room.updated')).toHaveLength(0);
    } finally {
      adminSock.close();
      memberSock.close();
    }
  });

  it('subscribes the joiner to a room the group created for them', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const group = await createGroup(srv, admin.token, { roomCapacity: 2 });
    const first = await createRoom(srv, admin.token, { capacity: 2, groupId: group.id });
    const a = await registerUser(srv.url);
    const b = await registerUser(srv.url);
    await join(srv, a.token, first.id);
    const sock = await TestSocket.connect(srv.wsUrl, b.token);
    try {
      const made = await join(srv, b.token, first.id);
      expect(made.createdRoom).toBe(true);
      const mine = strictParse(
        MemberJoined,
        await nextEvent(sock, 'member.joined', made.room.id, (f) => 'member' in f && f.member.user.id === b.user.id),
      );
      expect(mine.seq).toBe(2); // the group's creator joined the new room first, as its owner
      await api(srv.url, 'PATCH', `/rooms/${made.room.id}`, { announcement: 'Welcome' }, admin.token);
      strictParse(RoomUpdated, await nextEvent(sock, 'room.updated', made.room.id));
    } finally {
      sock.close();
    }
  });
});

describe('my rooms', () => {
  it('lists my rooms with role, read position and unread counts', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const me = await registerUser(srv.url);
    const a = await createRoom(srv, admin.token, { name: 'A' });
    const b = await createRoom(srv, admin.token, { name: 'B' });
    await createRoom(srv, admin.token, { name: 'Not mine' });
    await join(srv, me.token, b.id);
    await join(srv, me.token, a.id);
    await api(srv.url, 'PATCH', `/rooms/${a.id}/members/${me.user.id}`, { role: 'moderator' }, admin.token);

    const list = strictParse(MyRoomList, (await api(srv.url, 'GET', '/me/rooms', undefined, me.token)).body);
    expect(list.rooms.map((r) => [r.name, r.role])).toEqual([
      ['B', 'member'],
      ['A', 'moderator'],
    ]);
    for (const r of list.rooms) {
      expect(r.lastReadSeq).toBe(2); // read up to their own join
      expect(r.unreadCount).toBe(0);
      expect(r.mentionCount).toBe(0);
    }
  });
});
