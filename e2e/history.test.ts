import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { apiCall, type Client, hasText, launch, message, newClient, signUpApi, startApp, userSpec } from './helpers';

async function post(srv: TestServer, token: string, roomId: string, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) {
    await apiCall(srv, token, 'POST', `/rooms/${roomId}/messages`, { clientMsgId: `h${i}`, body: `History ${i}` });
  }
}

/** Long rooms: older pages load on scroll, the room opens at the first unread, reading moves the mark everywhere. */
describe('history and read position', () => {
  let srv: TestServer;
  let browser: Browser;
  let owner: { token: string };
  let roomId: string;

  beforeAll(async () => {
    srv = await startApp({ ROUNDS_RATE_MESSAGES_BURST: '2000', ROUNDS_RATE_MESSAGES_PER_SEC: '2000' });
    browser = await launch();
    owner = await signUpApi(await newClient(browser), srv, userSpec('Lecturer'));
    roomId = (
      await apiCall<{ id: string }>(srv, owner.token, 'POST', '/rooms', { name: 'Lecture series', language: 'en' })
    ).id;
    await post(srv, owner.token, roomId, 1, 150);
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('loads older history on scroll up, back to the beginning', async () => {
    const c: Client = await newClient(browser);
    const me = await signUpApi(c, srv, userSpec('Reader'));
    await apiCall(srv, me.token, 'POST', `/rooms/${roomId}/join`);
    await c.page.goto(`${srv.url}/rooms/${roomId}`);
    await message(c.page, 'History 150').waitFor();
    expect(await message(c.page, 'History 1', true).count()).toBe(0);
    const scroller = c.page.getByTestId('message-list').locator('[data-testid=virtuoso-scroller]');
    for (
      let i = 0;
      i < 40 && (await c.page.getByTestId('history-status').textContent()) !== 'This is the beginning of the room.';
      i++
    ) {
      await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
      await c.page.waitForTimeout(150);
    }
    await hasText(c.page.getByTestId('history-status'), 'beginning of the room');
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await message(c.page, 'History 1', true).waitFor();
    // Virtualized: only a window of the 150 messages is in the DOM.
    expect(await c.page.getByTestId('message').count()).toBeLessThan(120);
    expect(c.errors).toEqual([]);
  });

  it('opens at the first unread message, and reading on one device clears the count on another', async () => {
    const phone: Client = await newClient(browser, { viewport: { width: 390, height: 844 } });
    const me = await signUpApi(phone, srv, userSpec('Night nurse'));
    const desk: Client = await newClient(browser);
    await desk.context.addCookies([{ name: 'rounds_session', value: me.token, url: srv.url }]);
    await apiCall(srv, me.token, 'POST', `/rooms/${roomId}/join`);

    // Read everything so far on the desktop, then leave the room.
    await desk.page.goto(`${srv.url}/rooms/${roomId}`);
    await message(desk.page, 'History 150').waitFor();
    await desk.page.waitForTimeout(800);
    await desk.page.goto(`${srv.url}/rooms`);
    await phone.page.goto(srv.url);
    await phone.page.getByTestId('my-rooms').waitFor();

    // 60 new messages arrive: both devices count them.
    await post(srv, owner.token, roomId, 151, 210);
    await hasText(phone.page.getByTestId('unread-badge'), '60');
    await hasText(desk.page.getByTestId('unread-badge'), '60');
    expect(await desk.page.title()).toBe('(60) Rounds');

    // The desktop opens the room at the first unread message, under the "new messages" line.
    await desk.page.locator(`[data-room-name="Lecture series"]`).first().click();
    await desk.page.getByTestId('unread-divider').waitFor();
    await message(desk.page, 'History 151').waitFor();
    const box = await message(desk.page, 'History 151').boundingBox();
    expect(box?.y).toBeGreaterThan(0);
    expect(box?.y).toBeLessThan(820);

    // Scrolling to the end reads everything: the phone's badge goes away (read.updated).
    await desk.page
      .getByTestId('message-list')
      .locator('[data-testid=virtuoso-scroller]')
      .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await message(desk.page, 'History 210').waitFor();
    await expect.poll(() => phone.page.getByTestId('unread-badge').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => desk.page.title(), { timeout: 15_000 }).toBe('Rounds');
    expect(desk.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });
});
