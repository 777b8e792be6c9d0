import { describe, expect, it } from 'vitest';
import { api, registerUser, type TestUser } from '../../test/client';
import { startTestServer } from '../../test/server';

type Role = 'non-member' | 'member' | 'expert' | 'moderator' | 'owner' | 'admin';
type Action = 'send' | 'read' | 'edit others' | 'delete others' | 'react' | 'sync';

// What each role may do to messages in a public room; the admin is not a member of it.
const allowed: Record<Role, Action[]> = {
  'non-member': [],
  member: ['send', 'read', 'react', 'sync'],
  expert: ['send', 'read', 'react', 'sync'],
  moderator: ['send', 'read', 'react', 'sync', 'delete others'],
  owner: ['send', 'read', 'react', 'sync', 'delete others'],
  admin: [],
};

describe('message authorization matrix (role × action)', () => {
  it('allows exactly what each role may do', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const users = {} as Record<Role, TestUser>;
    users.admin = admin;
    users.owner = await registerUser(srv.url);
    await api(srv.url, 'PATCH', `/admin/users/${users.owner.user.id}`, { canCreateRooms: true }, admin.token);
    const room = await api(srv.url, 'POST', '/rooms', { name: 'Matrix' }, users.owner.token);
    const roomId = room.body.id as string;
    for (const role of ['member', 'expert', 'moderator', 'non-member'] as const) {
      users[role] = await registerUser(srv.url);
      if (role === 'non-member') continue;
      await api(srv.url, 'POST', `/rooms/${roomId}/join`, undefined, users[role].token);
      if (role !== 'member') {
        const r = await api(
          srv.url,
          'PATCH',
          `/rooms/${roomId}/members/${users[role].user.id}`,
          { role },
          users.owner.token,
        );
        expect(r.status).toBe(200);
      }
    }
    const author = await registerUser(srv.url);
    await api(srv.url, 'POST', `/rooms/${roomId}/join`, undefined, author.token);

    const results: string[] = [];
    for (const role of Object.keys(allowed) as Role[]) {
      const token = users[role].token;
      const target = await api(
        srv.url,
        'POST',
        `/rooms/${roomId}/messages`,
        { clientMsgId: `t-${role}`, body: 'target' },
        author.token,
      );
      const messageId = target.body.message.id as string;
      const attempts: Record<Action, () => Promise<{ status: number }>> = {
        send: () => api(srv.url, 'POST', `/rooms/${roomId}/messages`, { clientMsgId: `s-${role}`, body: 'hi' }, token),
        read: () => api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, token),
        sync: () => api(srv.url, 'GET', `/rooms/${roomId}/events?afterSeq=0`, undefined, token),
        react: () =>
          api(srv.url, 'PUT', `/rooms/${roomId}/messages/${messageId}/reactions/%F0%9F%91%8D`, undefined, token),
        'edit others': () =>
          api(srv.url, 'PATCH', `/rooms/${roomId}/messages/${messageId}`, { body: 'changed' }, token),
        'delete others': () => api(srv.url, 'DELETE', `/rooms/${roomId}/messages/${messageId}`, undefined, token),
      };
      for (const action of Object.keys(attempts) as Action[]) {
        const { status } = await attempts[action]();
        const ok = status < 300;
        if (ok !== allowed[role].includes(action)) results.push(`${role} ${action}: ${status}`);
      }
    }
    expect(results).toEqual([]);
  });

  it('refuses every message route without a valid token', async () => {
    await using srv = await startTestServer();
    const id = 'AAAAAAAAAAAAAAAA';
    for (const [method, path] of [
      ['GET', `/rooms/${id}/messages`],
      ['POST', `/rooms/${id}/messages`],
      ['PATCH', `/rooms/${id}/messages/${id}`],
      ['DELETE', `/rooms/${id}/messages/${id}`],
      ['POST', `/rooms/${id}/read`],
    ] as const) {
      const body = method === 'GET' || method === 'DELETE' ? undefined : { clientMsgId: 'x', body: 'x', seq: 1 };
      const res = await api(srv.url, method, path, body, 'expired-or-made-up-token-000000000');
      expect([path, res.status, res.body.error.code]).toEqual([path, 401, 'unauthenticated']);
    }
  });
});
