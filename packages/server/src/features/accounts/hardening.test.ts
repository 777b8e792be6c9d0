import { AuthResult, ErrorResponse } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, newUserBody, registerUser } from '../../test/client';
import { startTestServer } from '../../test/server';

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('accounts hardening (issue 11)', () => {
  it('refuses to take the admin role from the only administrator, and allows it once there is another', async () => {
    await using srv = await startTestServer();
    const admin = await registerUser(srv.url);
    const other = await registerUser(srv.url);
    const self = await api(srv.url, 'PATCH', `/admin/users/${admin.user.id}`, { role: 'user' }, admin.token);
    expect([self.status, ErrorResponse.parse(self.body).error.code]).toEqual([409, 'last_admin']);
    // Other changes to the last admin still work.
    const verified = await api(
      srv.url,
      'PATCH',
      `/admin/users/${admin.user.id}`,
      { verification: 'verified' },
      admin.token,
    );
    expect([verified.status, verified.body.role]).toEqual([200, 'admin']);

    await api(srv.url, 'PATCH', `/admin/users/${other.user.id}`, { role: 'admin' }, admin.token);
    // Two admins demoting each other at once: one wins, the server keeps an admin.
    const [a, b] = await Promise.all([
      api(srv.url, 'PATCH', `/admin/users/${other.user.id}`, { role: 'user' }, admin.token),
      api(srv.url, 'PATCH', `/admin/users/${admin.user.id}`, { role: 'user' }, other.token),
    ]);
    // The loser is refused as the last admin, or (demoted first) as no longer an admin.
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([a.status, b.status].filter((s) => s === 200)).not.toContain(500);
    const roles = await Promise.all(
      [admin, other].map(async (u) => (await api(srv.url, 'GET', '/me', undefined, u.token)).body.role),
    );
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
  });

  it('verifies the password of an unknown e-mail against a dummy hash, as for a known one', async () => {
    await using srv = await startTestServer();
    const known = await registerUser(srv.url);
    const wrong = await api(srv.url, 'POST', '/auth/login', {
      email: known.user.email,
      password: 'not the password at all',
    });
    const unknown = await api(srv.url, 'POST', '/auth/login', {
      email: 'nobody-here@example.org',
      password: 'not the password at all',
    });
    expect(ErrorResponse.parse(wrong.body).error.code).toBe('invalid_credentials');
    expect(ErrorResponse.parse(unknown.body).error.code).toBe('invalid_credentials');
    expect(await metric(srv.url, 'rounds_password_checks_total{against="account"}')).toBe(1);
    expect(await metric(srv.url, 'rounds_password_checks_total{against="dummy"}')).toBe(1);
  });

  it('gives twelve people registering at once with one name distinct derived handles', async () => {
    await using srv = await startTestServer();
    await registerUser(srv.url);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        api(srv.url, 'POST', '/auth/register', newUserBody({ displayName: 'Wei Wang' })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const handles = results.map((r) => AuthResult.parse(r.body).user.handle);
    expect(new Set(handles).size).toBe(12);
    for (const h of handles) expect(h).toMatch(/^wei\.wang\d*$/);

    // A handle the person chose is still theirs to lose: the race answers handle_taken.
    const chosen = await Promise.all(
      Array.from({ length: 3 }, () => api(srv.url, 'POST', '/auth/register', newUserBody({ handle: 'dr.wei' }))),
    );
    expect(chosen.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of chosen.filter((c) => c.status === 409)) {
      expect(ErrorResponse.parse(r.body).error.code).toBe('handle_taken');
    }
  });

  it('trusts X-Forwarded-Host and -Proto in the origin check only behind a configured proxy', async () => {
    const attempt = async (srv: { url: string }, token: string, forwarded: Record<string, string>) =>
      (
        await fetch(`${srv.url}/api/v1/me`, {
          method: 'PATCH',
          headers: {
            cookie: `rounds_session=${token}`,
            'content-type': 'application/json',
            origin: 'https://evil.example',
            ...forwarded,
          },
          body: JSON.stringify({ specialty: 'x' }),
        })
      ).status;
    const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    await using direct = await startTestServer();
    const a = await registerUser(direct.url);
    expect(await attempt(direct, a.token, forged)).toBe(403);

    await using proxied = await startTestServer({ env: { ROUNDS_TRUST_PROXY: 'true' } });
    const b = await registerUser(proxied.url);
    // Behind a trusted proxy the forwarded host is the public one; the scheme must match too.
    expect(await attempt(proxied, b.token, forged)).toBe(200);
    expect(await attempt(proxied, b.token, { ...forged, 'x-forwarded-proto': 'http' })).toBe(403);
  });
});
