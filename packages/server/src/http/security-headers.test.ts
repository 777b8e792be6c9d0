import { describe, expect, it } from 'vitest';
import { startTestServer } from '../test/server';

describe('security headers (issue 11)', () => {
  it('sends the policy headers on API answers, errors included, and HSTS only for an https public URL', async () => {
    await using plain = await startTestServer();
    for (const p of ['/api/v1/me', '/api/v1/nope', '/healthz']) {
      const res = await fetch(`${plain.url}${p}`);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('permissions-policy')).toContain('microphone=(self)');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    await using tls = await startTestServer({ env: { ROUNDS_PUBLIC_URL: 'https://rounds.example.org' } });
    const res = await fetch(`${tls.url}/healthz`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
