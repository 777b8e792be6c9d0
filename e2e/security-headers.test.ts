import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  createRoomUi,
  hasCount,
  launch,
  message,
  newClient,
  send,
  signUpUi,
  startApp,
  userSpec,
  WEB_DIST,
} from './helpers';
import { attachByPicker, makePicture, uploadsDone } from './media-helpers';

/** The built client runs under the server's Content-Security-Policy with no violation (issue 11). */
describe('security headers', () => {
  let srv: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('serves the app with a CSP it runs under: sign-up, a room, a message, a picture, a reload', async () => {
    // What Vite emits must fit script-src/style-src 'self': no inline script or style in index.html.
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);

    const res = await fetch(`${srv.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    const c = await newClient(browser);
    const violations: string[] = [];
    await c.context.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await c.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    await signUpUi(c.page, srv.url, userSpec('Policy Checker'));
    await createRoomUi(c.page, 'Header check');
    await send(c.page, 'Checking **bold** and a [link](https://who.int) under the policy');
    await hasCount(message(c.page, 'under the policy'), 1);
    const picture = await makePicture(c.page, { width: 320, height: 200, color: '#2a7', mark: '#124' });
    await attachByPicker(c.page, [{ name: 'ward.png', mimeType: 'image/png', buffer: picture }]);
    await uploadsDone(c.page, 1);
    await send(c.page, 'With a picture');
    await hasCount(message(c.page, 'With a picture').getByTestId('attachment-thumb'), 1, 30_000);
    await c.page.reload();
    await hasCount(message(c.page, 'With a picture').getByTestId('attachment-thumb'), 1, 30_000);

    expect(violations).toEqual([]);
    expect(c.logs.filter((l) => /Content.Security.Policy|Permissions-Policy/i.test(l))).toEqual([]);
    expect(c.errors).toEqual([]);
  });
});
