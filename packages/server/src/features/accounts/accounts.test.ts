import { AuthResult, ErrorResponse, PublicUser, SelfUser, SessionInfoResult, SessionRevoked } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, newUserBody, registerUser, TestSocket } from '../../test/client';
import { startTestServer } from '../../test/server';

describe('accounts', () => {
  it('registers a clinician with a full profile; the first account is admin, the next is not', async () => {
    await using srv = await startTestServer();
    const first = await api(srv.url, 'POST', '/auth/register', newUserBody({ displayName: 'Li Wen', country: 'CN' }));
    expect(first.status).toBe(201);
    const a = AuthResult.parse(first.body);
    expect(a.user.role).toBe('admin');
    expect(a.user.verification).toBe('unverified');
    expect(a.user.handle).toBe('li.wen');
    expect(first.headers.get('set-cookie')).toMatch(/rounds_session=.*HttpOnly/i);
    const second = await registerUser(srv.url, { displayName: 'Li Wen', languages: ['zh-hans', 'EN-us'] });
    expect(second.user.role).toBe('user');
    expect(second.user.canCreateRooms).toBe(false);
    expect(second.user.handle).toBe('li.wen2');
    expect(second.user.languages).toEqual(['zh-Hans', 'en-US']);
  });

  it('refuses bad registrations with typed errors', async () => {
    await using srv = await startTestServer();
    const taken = await registerUser(srv.url);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ email: taken.user.email }, 409, 'email_taken'],
      [{ handle: taken.user.handle }, 409, 'handle_taken'],
      [{ password: 'short' }, 422, 'password_too_weak'],
      [{ password: 'password123' }, 422, 'password_too_weak'],
      [{ password: 'aaaaaaaaaaaaaa' }, 422, 'password_too_weak'],
      [{ country: 'XX' }, 400, 'validation_failed'],
      [{ country: 'cn' }, 400, 'validation_failed'],
      [{ languages: ['not a tag!'] }, 400, 'validation_failed'],
      [{ languages: [] }, 400, 'validation_failed'],
      [{ timeZone: 'Mars/Olympus' }, 400, 'validation_failed'],
      [{ profession: 'wizard' }, 400, 'validation_failed'],
      [{ email: 'not-an-email' }, 400, 'validation_failed'],
      [{ displayName: 42 }, 400, 'validation_failed'],
      [{ handle: 'Has Spaces' }, 400, 'validation_failed'],
    ];
    for (const [over, status, code] of cases) {
      const res = await api(srv.url, 'POST', '/auth/register', { ...newUserBody(), ...over });
      expect({ over, status: res.status, code: res.body?.error?.code }).toEqual({ over, status, code });
      ErrorResponse.parse(res.body);
    }
    const malformed = await api(srv.url, 'POST', '/auth/register', '{"email":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
    const huge = await api(srv.url, 'POST', '/auth/register', { ...newUserBody(), specialty: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('logs in and out; a wrong password and an unknown e-mail get the same error', async () => {
    await using srv = await startTestServer();
    const body = newUserBody();
    await api(srv.url, 'POST', '/auth/register', body);
    const ok = await api(srv.url, 'POST', '/auth/login', { email: body.email.toUpperCase(), password: body.password });
    expect(ok.status).toBe(200);
    const { token } = AuthResult.parse(ok.body);
    const wrong = await api(srv.url, 'POST', '/auth/login', { email: body.email, password: 'wrong password here' });
    const unknown = await api(srv.url, 'POST', '/auth/login', { email: 'nobody@example.org', password: body.password });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'invalid_credentials']);
    expect((await api(srv.url, 'GET', '/me', undefined, token)).status).toBe(200);
    expect((await api(srv.url, 'POST', '/auth/logout', undefined, token)).status).toBe(204);
    const after = await api(srv.url, 'GET', '/me', undefined, token);
    expect([after.status, after.body.error.code]).toEqual([401, 'unauthenticated']);
  });

  it('answers who the session belongs to with 200, also when nobody is signed in', async () => {
    await using srv = await startTestServer();
    const u = await registerUser(srv.url);
    const mine = await api(srv.url, 'GET', '/auth/session', undefined, u.token);
    expect(mine.status).toBe(200);
    expect(SessionInfoResult.strict().parse(mine.body).user?.id).toBe(u.user.id);
    for (const token of [undefined, 'not-a-token']) {
      const anon = await api(srv.url, 'GET', '/auth/session', undefined, token);
      expect([anon.status, anon.body]).toEqual([200, { user: null }]);
    }
  });

  it('lists sessions and revokes one, closing its sockets', async () => {
    await using srv = await startTestServer();
    const body = newUserBody();
    const a = AuthResult.parse((await api(srv.url, 'POST', '/auth/register', body)).body);
    const b = AuthResult.parse(
      (await api(srv.url, 'POST', '/auth/login', { email: body.email, password: body.password })).body,
    );
    const listed = await api(srv.url, 'GET', '/me/sessions', undefined, a.token);
    expect(listed.body.sessions).toHaveLength(2);
    expect(listed.body.sessions.find((s: { current: boolean }) => s.current).id).toBe(a.sessionId);
    const sock = await TestSocket.connect(srv.wsUrl, b.token);
    expect((await api(srv.url, 'DELETE', `/me/sessions/${b.sessionId}`, undefined, a.token)).status).toBe(204);
    SessionRevoked.parse(await sock.waitFor((f) => f.type === 'session.revoked'));
    expect((await sock.closed).code).toBe(4001);
    expect((await api(srv.url, 'GET', '/me', undefined, b.token)).status).toBe(401);
    const again = await api(srv.url, 'DELETE', `/me/sessions/${b.sessionId}`, undefined, a.token);
    expect([again.status, again.body.error.code]).toEqual([404, 'session_not_found']);
    const other = await registerUser(srv.url);
    const foreign = await api(srv.url, 'DELETE', `/me/sessions/${a.sessionId}`, undefined, other.token);
    expect(foreign.status).toBe(404);
  });

  it('changes the password (old one required) and signs out the other sessions', async () => {
    await using srv = await startTestServer();
    const body = newUserBody();
    const a = AuthResult.parse((await api(srv.url, 'POST', '/auth/register', body)).body);
    const b = AuthResult.parse(
      (await api(srv.url, 'POST', '/auth/login', { email: body.email, password: body.password })).body,
    );
    const bad = await api(
      srv.url,
      'POST',
      '/me/password',
      { currentPassword: 'not it at all', newPassword: 'a new long passphrase' },
      a.token,
    );
    expect(bad.body.error.code).toBe('invalid_credentials');
    const weak = await api(
      srv.url,
      'POST',
      '/me/password',
      { currentPassword: body.password, newPassword: 'short' },
      a.token,
    );
    expect(weak.body.error.code).toBe('password_too_weak');
    const ok = await api(
      srv.url,
      'POST',
      '/me/password',
      { currentPassword: body.password, newPassword: 'a new long passphrase' },
      a.token,
    );
    expect(ok.status).toBe(204);
    expect((await api(srv.url, 'GET', '/me', undefined, a.token)).status).toBe(200);
    expect((await api(srv.url, 'GET', '/me', undefined, b.token)).status).toBe(401);
    const login = await api(srv.url, 'POST', '/auth/login', { email: body.email, password: 'a new long passphrase' });
    expect(login.status).toBe(200);
  });

  it('edits the profile; other users see the public profile without the e-mail', async () => {
    await using srv = await startTestServer();
    const a = await registerUser(srv.url);
    const b = await registerUser(srv.url);
    const patched = await api(
      srv.url,
      'PATCH',
      '/me',
      { specialty: 'Critical care', country: 'US', timeZone: 'America/New_York', locale: 'zh-CN' },
      a.token,
    );
    expect(patched.status).toBe(200);
    const self = SelfUser.parse(patched.body);
    expect([self.specialty, self.country, self.locale]).toEqual(['Critical care', 'US', 'zh-CN']);
    const seen = await api(srv.url, 'GET', `/users/${a.user.id}`, undefined, b.token);
    const pub = PublicUser.strict().parse(seen.body);
    expect(pub.specialty).toBe('Critical care');
    expect(seen.body.email).toBeUndefined();
    expect((await api(srv.url, 'PATCH', '/me', { country: 'ZZ' }, a.token)).body.error.code).toBe('validation_failed');
    expect((await api(srv.url, 'GET', '/users/bad', undefined, b.token)).body.error.code).toBe('validation_failed');
    expect((await api(srv.url, 'GET', '/users/AAAAAAAAAAAAAAAA', undefined, b.token)).body.error.code).toBe(
      'user_not_found',
    );
    expect((await api(srv.url, 'GET', `/users/${a.user.id}`)).status).toBe(401);
  });

  it('lets only an admin verify users and grant room creation', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const user = await registerUser(srv.url);
    const denied = await api(srv.url, 'PATCH', `/admin/users/${admin.user.id}`, { role: 'user' }, user.token);
    expect([denied.status, denied.body.error.code]).toEqual([403, 'forbidden']);
    const ok = await api(
      srv.url,
      'PATCH',
      `/admin/users/${user.user.id}`,
      { verification: 'verified', canCreateRooms: true },
      admin.token,
    );
    expect(ok.status).toBe(200);
    expect([ok.body.verification, ok.body.canCreateRooms]).toEqual(['verified', true]);
  });

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    await using srv = await startTestServer();
    const a = await registerUser(srv.url);
    const headers = { cookie: `rounds_session=${a.token}`, 'content-type': 'application/json' };
    const cross = await fetch(`${srv.url}/api/v1/me`, {
      method: 'PATCH',
      headers: { ...headers, origin: 'https://evil.example' },
      body: JSON.stringify({ specialty: 'x' }),
    });
    expect(cross.status).toBe(403);
    expect((await cross.json()).error.code).toBe('csrf_failed');
    const same = await fetch(`${srv.url}/api/v1/me`, {
      method: 'PATCH',
      headers: { ...headers, origin: srv.url },
      body: JSON.stringify({ specialty: 'y' }),
    });
    expect(same.status).toBe(200);
  });

  it('rate-limits repeated login attempts with retry-after', async () => {
    await using srv = await startTestServer({ env: { ROUNDS_RATE_AUTH_PER_MIN: '3' } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api(srv.url, 'POST', '/auth/login', { email: 'x@example.org', password: 'whatever it is' });
      codes.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
  });
});

describe('user search', () => {
  it('finds people by name, handle or institution, case-insensitively, treating % and _ literally', async () => {
    await using srv = await startTestServer();
    const a = await registerUser(srv.url, { displayName: 'Zhong Nanshan', institution: 'Guangzhou Institute' });
    await registerUser(srv.url, { displayName: 'Anthony Fauci', institution: 'NIAID' });
    const byName = await api(srv.url, 'GET', '/users?q=zhong', undefined, a.token);
    expect(byName.body.users.map((u: { displayName: string }) => u.displayName)).toEqual(['Zhong Nanshan']);
    const byInstitution = await api(srv.url, 'GET', '/users?q=niaid', undefined, a.token);
    expect(byInstitution.body.users).toHaveLength(1);
    expect((await api(srv.url, 'GET', '/users?q=%25', undefined, a.token)).body.users).toHaveLength(0);
    expect((await api(srv.url, 'GET', '/users?q=', undefined, a.token)).status).toBe(400);
  });
});

describe('session expiry', () => {
  it('refuses an expired token over REST and on the socket', async () => {
    await using srv = await startTestServer();
    const u = await registerUser(srv.url);
    await srv.rounds.deps.db
      .updateTable('sessions')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    const res = await api(srv.url, 'GET', '/me', undefined, u.token);
    expect([res.status, res.body.error.code]).toEqual([401, 'unauthenticated']);
    const sock = await TestSocket.connect(srv.wsUrl);
    const hello = await sock.request({ type: 'hello', version: 1, token: u.token });
    expect(hello.type === 'error' && hello.error.code).toBe('unauthenticated');
  });
});
