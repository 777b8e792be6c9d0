import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { apiCall, hasCount, launch, message, newClient, send, signUpApi, startApp, userSpec } from './helpers';
import { attachByPicker, makePicture, uploadApi, uploadsDone } from './media-helpers';

const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
};

/** The message's whole box lies inside the message list's visible box (not cut off by the composer). */
async function fullyVisible(page: Page, text: string): Promise<boolean> {
  const list = await page.getByTestId('message-list').boundingBox();
  const box = await message(page, text).last().boundingBox();
  if (!list || !box) return false;
  // Two pixels of slack for sub-pixel layout on a phone's scale factor.
  return box.y >= list.y - 2 && box.y + box.height <= list.y + list.height + 2;
}

async function expectVisible(page: Page, text: string): Promise<void> {
  await expect.poll(() => fullyVisible(page, text), { timeout: 10_000, interval: 100 }).toBe(true);
}

/**
 * Opening a room, "Jump to latest" and sending land at the newest message, also when pictures above it load
 * after the scroll; reading the newest message clears the unread count (issue 11, item 22).
 */
describe.each(Object.entries(VIEWPORTS))('the newest message is in view (%s)', (name, viewport) => {
  let srv: TestServer;
  let browser: Browser;
  let ownerToken: string;
  let roomId: string;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    const owner = await newClient(browser);
    ownerToken = (await signUpApi(owner, srv, userSpec('Li Wen'))).token;
    roomId = (
      await apiCall<{ id: string }>(srv, ownerToken, 'POST', '/rooms', { name: 'Fever clinic', language: 'en' })
    ).id;
    const picture = await makePicture(owner.page, { width: 900, height: 1200, color: '#3a7' });
    for (let i = 1; i <= 40; i++) {
      const attachments =
        i % 8 === 0
          ? [
              {
                uploadId: (
                  await uploadApi(srv, ownerToken, roomId, { name: 'p.png', mimeType: 'image/png', buffer: picture })
                ).id,
              },
            ]
          : undefined;
      await apiCall(srv, ownerToken, 'POST', `/rooms/${roomId}/messages`, {
        clientMsgId: `m${i}`,
        body: `Update ${i}: ${'disinfection of the triage area, '.repeat(i % 5)}done.`,
        attachments,
      });
    }
    await owner.context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('opens at the newest message, jumps back to it, and keeps my picture in view after sending', async () => {
    const c = await newClient(browser, { viewport });
    await signUpApi(c, srv, userSpec('Sam Okafor'));
    await apiCall(srv, ownerToken, 'POST', `/rooms/${roomId}/messages`, {
      clientMsgId: `x-${name}`,
      body: 'Newest before open.',
    });
    const { token } = { token: (await c.context.cookies())[0]?.value ?? '' };
    await apiCall(srv, token, 'POST', `/rooms/${roomId}/join`);
    // Slow pictures: they arrive after the list has scrolled.
    await c.page.route('**/api/v1/media/**', async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await c.page.goto(`${srv.url}/rooms/${roomId}`);
    await message(c.page, 'Newest before open.').waitFor();
    await expectVisible(c.page, 'Newest before open.');

    // Scroll to the top, then jump back.
    await c.page.locator('[data-testid=message-list] [data-virtuoso-scroller]').evaluate((el) => {
      el.scrollTop = 0;
    });
    await c.page.getByTestId('jump-latest').click();
    await expectVisible(c.page, 'Newest before open.');
    await hasCount(c.page.getByTestId('jump-latest'), 0);

    // My own picture, sent from the composer: whole, under the composer's edge.
    const mine = await makePicture(c.page, { width: 800, height: 1000, color: '#a33' });
    await attachByPicker(c.page, [{ name: 'equipment.png', mimeType: 'image/png', buffer: mine }]);
    await uploadsDone(c.page, 1);
    await send(c.page, 'Our sprayer, as asked.');
    await message(c.page, 'Our sprayer, as asked.').getByTestId('attachment-thumb').waitFor();
    await expectVisible(c.page, 'Our sprayer, as asked.');

    // The newest message grows while I am at the bottom (an edit, then reactions): the view follows it.
    const { message: note } = await apiCall<{ message: { id: string } }>(
      srv,
      ownerToken,
      'POST',
      `/rooms/${roomId}/messages`,
      {
        clientMsgId: `n-${name}`,
        body: 'Short note.',
      },
    );
    await message(c.page, 'Short note.').waitFor();
    await apiCall(srv, ownerToken, 'PATCH', `/rooms/${roomId}/messages/${note.id}`, {
      body: `Short note, now longer: ${'wear the N95 and the face shield before entering, '.repeat(8)}end.`,
    });
    for (const e of ['👍', '🙏']) {
      await apiCall(srv, ownerToken, 'PUT', `/rooms/${roomId}/messages/${note.id}/reactions/${encodeURIComponent(e)}`);
    }
    await hasCount(message(c.page, 'now longer').getByTestId('reaction'), 2);
    await expectVisible(c.page, 'now longer');
    if (name === 'desktop') await hasCount(c.page.getByTestId(`room-link-${roomId}`).getByTestId('unread-badge'), 0);
    await c.page.screenshot({ path: `/tmp/shots-webui/room-bottom-${name}.png` });
    expect(c.errors).toEqual([]);
    await c.context.close();
  });

  it('clears the unread count once the newest message has been seen', async () => {
    const c = await newClient(browser, { viewport });
    const { token } = await signUpApi(c, srv, userSpec('Ana Souza'));
    await apiCall(srv, token, 'POST', `/rooms/${roomId}/join`);
    await c.page.goto(srv.url);
    const link = c.page.getByTestId(`room-link-${roomId}`);
    await link.waitFor();
    for (let i = 1; i <= 3; i++) {
      await apiCall(srv, ownerToken, 'POST', `/rooms/${roomId}/messages`, {
        clientMsgId: `u-${name}-${i}`,
        body: `Unread ${name} ${i}`,
      });
    }
    await hasCount(link.getByTestId('unread-badge'), 1);
    await link.click();
    await message(c.page, `Unread ${name} 3`).waitFor();
    await expectVisible(c.page, `Unread ${name} 3`);
    if (name === 'phone') await c.page.getByTestId('back-to-rooms').first().click();
    await hasCount(c.page.getByTestId(`room-link-${roomId}`).getByTestId('unread-badge'), 0);
    const state = await apiCall<{ rooms: { id: string; unreadCount: number }[] }>(srv, token, 'GET', '/me/rooms');
    expect(state.rooms.find((r) => r.id === roomId)?.unreadCount).toBe(0);
    await c.context.close();
  });
});
