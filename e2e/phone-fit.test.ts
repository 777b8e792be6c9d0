import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { apiCall, type Client, launch, message, newClient, send, signUpApi, startApp, userSpec } from './helpers';

const PHONE = { width: 390, height: 844 };

/** The element's box lies wholly inside the viewport (issue 11, items 20 and 21). */
async function insideViewport(page: Page, el: Locator): Promise<void> {
  const box = await el.boundingBox();
  if (!box) throw new Error('element has no box');
  const vp = page.viewportSize() ?? PHONE;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height + 0.5);
}

/** What a phone showed off-screen before: the thread panel and the reaction picker. */
describe.each(['en-US', 'zh-CN'])('phone: panels and menus fit the screen (%s)', (locale) => {
  let srv: TestServer;
  let browser: Browser;
  let p: Client;
  let roomId: string;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    p = await newClient(browser, { viewport: PHONE, locale });
    const { token } = await signUpApi(p, srv, userSpec('Priya Nair'));
    roomId = (await apiCall<{ id: string }>(srv, token, 'POST', '/rooms', { name: 'Night shift ICU', language: 'en' }))
      .id;
    await apiCall(srv, token, 'POST', `/rooms/${roomId}/messages`, {
      clientMsgId: 'q1',
      body: 'Anyone awake? Need advice on sedation for a ventilated patient with renal failure.',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('the thread panel fills the screen, with Send visible, and closes', async () => {
    await p.page.goto(`${srv.url}/rooms/${roomId}`);
    await message(p.page, 'Anyone awake').getByTestId('reply-button').click();
    const panel = p.page.getByTestId('thread-panel');
    await panel.waitFor();
    await insideViewport(p.page, panel);
    await insideViewport(p.page, panel.getByTestId('send-button'));
    await insideViewport(p.page, panel.getByTestId('thread-close'));
    await send(p.page, 'Propofol, with care.', 'thread-composer');
    await p.page.getByTestId('thread-replies').getByText('Propofol, with care.').waitFor();
    await p.page.screenshot({ path: `/tmp/shots-webui/thread-phone-${locale}.png` });
    await p.page.getByTestId('thread-close').click({ trial: false });
    await panel.waitFor({ state: 'detached' });
    expect(p.errors).toEqual([]);
  });

  it('the reaction picker opens on screen and every emoji can be tapped', async () => {
    await p.page.goto(`${srv.url}/rooms/${roomId}`);
    const msg = message(p.page, 'Anyone awake');
    await msg.waitFor();
    const emoji = ['👍', '❤️', '🙏', '✅', '👀', '😮'];
    for (const e of emoji) {
      await msg.getByTestId('react-button').tap();
      const menu = p.page.locator('.reaction-menu');
      await menu.waitFor();
      await insideViewport(p.page, menu);
      if (e === '👍') await p.page.screenshot({ path: `/tmp/shots-webui/reaction-picker-phone-${locale}.png` });
      // A real tap at the button's centre: it lands only if nothing covers it and it is on screen.
      await menu.getByTestId(`react-${e}`).tap({ timeout: 3_000 });
      await msg.locator(`[data-testid=reaction][data-emoji="${e}"]`).waitFor();
    }
    expect(await msg.getByTestId('reaction').count()).toBe(emoji.length);
  });
});
