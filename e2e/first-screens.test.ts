import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { apiCall, type Client, hasCount, hasText, launch, newClient, startApp, userSpec } from './helpers';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = '/tmp/shots-webui';

/** What a newcomer meets first: sign-up, an empty server, long room names, big numbers (issue 11, item 23). */
describe('first screens', () => {
  let srv: TestServer;
  let browser: Browser;
  let admin: Client;
  let token = '';

  beforeAll(async () => {
    srv = await startApp({ ROUNDS_OPEN_ROOM_CREATION: 'false' });
    browser = await launch();
    admin = await newClient(browser, { viewport: DESKTOP });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('loads signed out without a failed request in the console', async () => {
    const c = await newClient(browser, { viewport: PHONE });
    for (const path of ['/', '/signin', '/signup']) {
      await c.page.goto(`${srv.url}${path}`);
      await c.page.getByTestId(path === '/signup' ? 'signup-form' : 'signin-form').waitFor();
    }
    expect(c.logs).toEqual([]);
    await c.context.close();
  });

  it('signs up with a short form and asks for the rest of the profile afterwards', async () => {
    for (const [locale, viewport, country] of [
      ['zh-CN', PHONE, 'CN'],
      ['en-US', DESKTOP, 'US'],
    ] as const) {
      const c = await newClient(browser, { viewport, locale });
      await c.page.goto(`${srv.url}/signup`);
      await c.page.getByTestId('signup-form').waitFor();
      const form = c.page.getByTestId('signup-form');
      expect(await form.locator('input:not([type=search]), select:not([size])').count()).toBe(4);
      expect(await c.page.getByTestId('country-select').inputValue()).toBe(country);
      expect(await form.textContent()).not.toContain('BCP 47');
      await c.page.screenshot({ path: `${SHOTS}/signup-${locale}.png`, fullPage: true });
      await c.context.close();
    }
    const u = userSpec('Li Wen');
    await admin.page.goto(`${srv.url}/signup`);
    await admin.page.getByTestId('displayName-input').fill(u.displayName);
    await admin.page.getByTestId('email-input').fill(u.email);
    await admin.page.getByTestId('password-input').fill(u.password);
    await admin.page.getByTestId('signup-submit').click();
    await admin.page.getByTestId('profile-prompt').waitFor();
    token = (await admin.context.cookies()).find((k) => k.name === 'rounds_session')?.value ?? '';
    const me = await apiCall<{ country: string; languages: string[]; handle: string }>(srv, token, 'GET', '/me');
    expect(me.country).toBe('US');
    expect(me.languages).toEqual(['en']);
    expect(me.handle).toBe('li.wen');
    await admin.page.screenshot({ path: `${SHOTS}/home-new-admin-en-US.png` });
    await admin.page.getByTestId('profile-prompt-open').click();
    await admin.page.getByTestId('specialty-input').waitFor();
  });

  it('offers a new administrator the way to create the first room', async () => {
    await admin.page.getByTestId('nav-directory').click();
    await admin.page.getByTestId('no-rooms-yet').waitFor();
    expect(await admin.page.getByTestId('no-rooms').count()).toBe(0);
    await admin.page.screenshot({ path: `${SHOTS}/directory-empty-en-US.png` });
    await admin.page.getByTestId('create-first-room').click();
    await admin.page.getByTestId('room-name-input').waitFor();
    await admin.page.keyboard.press('Escape');
  });

  it('tells long room names apart and formats member counts', async () => {
    const names = [
      'Global health professionals on COVID-19 (Wuhan)',
      'Global health professionals on COVID-19 (New York)',
    ];
    for (const name of names) {
      await apiCall(srv, token, 'POST', '/rooms', { name, language: 'en', capacity: 10_000 });
    }
    // A member who reads Chinese (the interface follows the account's language).
    const zh = userSpec('Wang Fang');
    const zhReg = await fetch(`${srv.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: zh.email,
        password: zh.password,
        displayName: zh.displayName,
        profession: 'nurse',
        country: 'CN',
        languages: ['zh'],
        timeZone: 'Asia/Shanghai',
        locale: 'zh-CN',
      }),
    });
    const zhToken = ((await zhReg.json()) as { token: string }).token;
    const rooms = await apiCall<{ rooms: { id: string }[] }>(srv, token, 'GET', '/me/rooms');
    for (const r of rooms.rooms) {
      await apiCall(srv, token, 'PATCH', `/rooms/${r.id}`, {
        announcement: 'Rules: no politics, religion or discrimination. **Lecture #3** on ECMO tonight at 21:00.',
      });
      await apiCall(srv, token, 'POST', `/rooms/${r.id}/messages`, {
        clientMsgId: `w-${r.id}`,
        body: 'Welcome, colleagues.',
      });
    }
    for (const r of rooms.rooms) await apiCall(srv, zhToken, 'POST', `/rooms/${r.id}/join`);
    for (const [locale, viewport, expected, who] of [
      ['en-US', DESKTOP, '2 members of 10,000', token],
      ['zh-CN', PHONE, '2 名成员，上限 10,000', zhToken],
    ] as const) {
      const c = await newClient(browser, { viewport, locale });
      await c.context.addCookies([{ name: 'rounds_session', value: who, url: srv.url }]);
      await c.page.goto(`${srv.url}/`);
      const links = c.page.getByTestId('my-rooms').locator('a');
      await hasCount(links, 2);
      const tails: string[] = [];
      for (const link of await links.all()) {
        expect(names).toContain(await link.getAttribute('title'));
        const tail = link.locator('.mid-ellipsis-tail');
        const [box, linkBox] = [await tail.boundingBox(), await link.boundingBox()];
        expect(box && linkBox && box.x + box.width <= linkBox.x + linkBox.width).toBe(true);
        tails.push((await tail.textContent()) ?? '');
      }
      expect(tails[0]).not.toBe(tails[1]);
      await c.page.screenshot({ path: `${SHOTS}/sidebar-long-names-${locale}.png` });
      await c.page.goto(`${srv.url}/rooms`);
      await hasText(c.page.getByTestId('room-capacity').first(), expected);
      await c.page.screenshot({ path: `${SHOTS}/directory-${locale}.png` });

      // The announcement sits above the history: the first date line is not under it.
      const [room] = rooms.rooms;
      if (!room) throw new Error('no room');
      await c.page.goto(`${srv.url}/rooms/${room.id}`);
      const title = c.page.getByTestId('room-title');
      expect(names).toContain(await title.getAttribute('title'));
      expect(await title.locator('.mid-ellipsis-tail').isVisible()).toBe(true);
      const divider = c.page.getByTestId('message-list').locator('.day-divider').first();
      await divider.waitFor();
      const [banner, line] = [await c.page.getByTestId('announcement').boundingBox(), await divider.boundingBox()];
      expect(banner && line && line.y >= banner.y + banner.height).toBe(true);
      await c.page.screenshot({ path: `${SHOTS}/announcement-${locale}.png` });
      await c.context.close();
    }
  });
});
