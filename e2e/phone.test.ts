import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  apiCall,
  type Client,
  hasText,
  launch,
  message,
  newClient,
  send,
  shot,
  signUpApi,
  signUpUi,
  startApp,
  userSpec,
} from './helpers';

const PHONE = { width: 390, height: 844 };

/** (e) On a phone the room list and a room are separate views; everything still works. */
describe('phone layout', () => {
  let srv: TestServer;
  let browser: Browser;
  let p: Client;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    p = await newClient(browser, { viewport: PHONE });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  async function noHorizontalScroll(): Promise<void> {
    const overflow = await p.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it('signs up, browses, joins, reads and writes on a 390x844 screen', async () => {
    await p.page.goto(`${srv.url}/signup`);
    await shot(p.page, 'signup-phone-light');
    await noHorizontalScroll();
    await signUpUi(p.page, srv.url, userSpec('Priya Nair'));

    // Someone else's room to join.
    const other = await newClient(browser);
    const owner = await signUpApi(other, srv, userSpec('Owner'));
    const room = await apiCall<{ id: string }>(srv, owner.token, 'POST', '/rooms', {
      name: 'Night shift ICU',
      topic: 'For those on nights',
      language: 'en',
    });
    await apiCall(srv, owner.token, 'PATCH', `/rooms/${room.id}`, {
      announcement: 'Lecture #3 on **ECMO** tonight at 21:00.',
    });
    await apiCall(srv, owner.token, 'POST', `/rooms/${room.id}/messages`, {
      clientMsgId: 'p1',
      body: 'Anyone awake? Need advice on sedation.',
    });

    // Home is the room list alone.
    await p.page.goto(srv.url);
    await p.page.getByTestId('sidebar').waitFor();
    expect(await p.page.locator('main').isVisible()).toBe(false);
    await p.page.getByTestId('nav-directory').click();
    expect(await p.page.getByTestId('sidebar').isVisible()).toBe(false);
    await p.page.getByTestId('directory').waitFor();
    await p.page.locator('[data-testid=room-card][data-room-name="Night shift ICU"]').getByTestId('join-room').click();

    // The room fills the screen, with a way back.
    await hasText(p.page.getByTestId('room-title'), 'Night shift ICU');
    await hasText(p.page.getByTestId('announcement'), 'ECMO');
    await message(p.page, 'Anyone awake').waitFor();
    expect(await p.page.getByTestId('sidebar').isVisible()).toBe(false);
    await send(p.page, 'Awake here. What are you using now?');
    await message(p.page, 'Awake here').waitFor();
    await noHorizontalScroll();
    await shot(p.page, 'room-phone-light');

    // The thread covers the room; closing it returns.
    await message(p.page, 'Anyone awake').getByTestId('reply-button').click();
    await p.page.getByTestId('thread-panel').waitFor();
    await send(p.page, 'Propofol and fentanyl.', 'thread-composer');
    await p.page.getByTestId('thread-replies').getByText('Propofol and fentanyl.').waitFor();
    await shot(p.page, 'thread-phone-light');
    await p.page.getByTestId('thread-close').click();
    await hasText(message(p.page, 'Anyone awake').getByTestId('thread-summary'), '1');

    // Back to the list: the room is there.
    await p.page.getByTestId('back-to-rooms').first().click();
    await p.page.getByTestId('my-rooms').getByText('Night shift ICU').waitFor();
    expect(await p.page.getByTestId('room-view').count()).toBe(0);
    await shot(p.page, 'rooms-phone-light');

    // Dark theme on the phone.
    await p.page.emulateMedia({ colorScheme: 'dark' });
    await p.page.getByTestId('my-rooms').getByText('Night shift ICU').click();
    await message(p.page, 'Awake here').waitFor();
    expect(await p.page.locator('html').getAttribute('data-theme')).toBe('dark');
    await shot(p.page, 'room-phone-dark');
    expect(p.errors).toEqual([]);
  });
});
