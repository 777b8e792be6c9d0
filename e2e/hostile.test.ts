import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  apiCall,
  type Client,
  createRoomUi,
  launch,
  message,
  newClient,
  send,
  shot,
  signUpApi,
  startApp,
  userSpec,
} from './helpers';

/** (d) Hostile Markdown renders as inert text: no script runs, no dialog opens, javascript: links are dead. */
describe('hostile messages', () => {
  let srv: TestServer;
  let browser: Browser;
  let a: Client;
  let b: Client;
  const dialogs: string[] = [];

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    a = await newClient(browser);
    b = await newClient(browser);
    for (const c of [a, b]) {
      c.page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('shows an onerror image tag and a javascript: link as harmless text', async () => {
    await signUpApi(a, srv, userSpec('Mallory'));
    const victim = await signUpApi(b, srv, userSpec('Victor'));
    await a.page.goto(srv.url);
    const roomId = await createRoomUi(a.page, 'Security check');
    await apiCall(srv, victim.token, 'POST', `/rooms/${roomId}/join`);
    await b.page.goto(`${srv.url}/rooms/${roomId}`);
    await b.page.getByTestId('composer-input').waitFor();

    const img = '<img src=x onerror=alert(1)>';
    await send(a.page, img);
    await send(a.page, '[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(2)) and <script>alert(3)</script>');
    await send(
      a.page,
      '<a href="javascript:alert(4)">z</a> <svg onload=alert(5)></svg> <style>body{display:none}</style> [ok](https://www.who.int)',
    );
    await message(b.page, 'onerror').waitFor();
    await message(b.page, 'and y').waitFor();
    await message(b.page, 'ok').waitFor();

    // The image tag is text, and no element was created from it.
    expect((await message(b.page, 'onerror').getByTestId('message-body').textContent())?.trim()).toBe(img);
    for (const page of [a.page, b.page]) {
      const list = page.getByTestId('message-list');
      expect(await list.locator('img, script, svg:not(.icon), style, iframe').count()).toBe(0);
      // No javascript: link survives; the safe one has rel=noopener.
      const hrefs = await list
        .locator('[data-testid=message-body] a')
        .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      expect(hrefs.some((h) => /^\s*javascript:/i.test(h))).toBe(false);
      const safe = list.locator('[data-testid=message-body] a[href^="https://www.who.int"]');
      expect(await safe.getAttribute('rel')).toContain('noopener');
      // The body is still visible (the <style> did not apply).
      expect(await page.locator('body').isVisible()).toBe(true);
    }
    // Clicking the neutralised link does nothing.
    await message(b.page, 'and y')
      .getByTestId('message-body')
      .click({ position: { x: 3, y: 8 } });
    await b.page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await shot(b.page, 'hostile-light');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
