import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { apiCall, type Client, launch, message, newClient, send, shot, signUpApi, startApp, userSpec } from './helpers';
import { attachByPicker, makePicture, minimalPdf, uploadApi, uploadsDone } from './media-helpers';

/** Serious and critical axe-core violations on the current page, as readable lines. */
async function audit(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

/** (f) The main screens pass an axe-core audit (no serious or critical violations), light and dark. */
describe('accessibility', () => {
  let srv: TestServer;
  let browser: Browser;
  let roomId: string;
  let token: string;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    const setup = await newClient(browser);
    const owner = await signUpApi(setup, srv, userSpec('Grace Ho'));
    token = owner.token;
    const group = await apiCall<{ id: string }>(srv, token, 'POST', '/groups', {
      name: 'COVID-19 global',
      autoCreate: true,
      roomCapacity: 500,
    });
    const room = await apiCall<{ id: string }>(srv, token, 'POST', '/rooms', {
      name: 'Global health professionals 1',
      topic: 'Questions and answers',
      language: 'en',
      groupId: group.id,
    });
    await apiCall(srv, token, 'POST', '/rooms', {
      name: 'Global health professionals 2',
      topic: '中文交流',
      language: 'zh',
      groupId: group.id,
    });
    await apiCall(srv, token, 'PATCH', `/rooms/${room.id}`, {
      announcement: 'Rules: no politics, religion or racial discrimination. See the [guidelines](https://www.who.int).',
    });
    roomId = room.id;
    const pictures = [
      await makePicture(setup.page, { width: 800, height: 600, color: '#d5e8e6', mark: '#0d6661' }),
      await makePicture(setup.page, { width: 600, height: 800, color: '#f3e3c3', mark: '#8c1d17' }),
    ];
    const uploads = [
      await uploadApi(srv, token, room.id, { name: 'uv-cart.png', mimeType: 'image/png', buffer: pictures[0]! }),
      await uploadApi(srv, token, room.id, { name: 'ppe.png', mimeType: 'image/png', buffer: pictures[1]! }),
      await uploadApi(srv, token, room.id, { name: 'protocol.pdf', mimeType: 'application/pdf', buffer: minimalPdf() }),
    ];
    for (let i = 1; i <= 30; i++) {
      await apiCall(srv, token, 'POST', `/rooms/${room.id}/messages`, {
        clientMsgId: `m${i}`,
        body:
          i % 3 ? `Case ${i}: *fever* and cough, ${i} days. Any advice?` : `- item one\n- item two\n\n\`code ${i}\``,
      });
    }
    await apiCall(srv, token, 'POST', `/rooms/${room.id}/messages`, {
      clientMsgId: 'with-files',
      body: 'Our UV-C cart and the donning protocol',
      attachments: uploads.map((u, i) => ({ uploadId: u.id, caption: i === 0 ? 'Two minutes per side' : '' })),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`sign-up, directory and room view have no serious violations (${scheme})`, async () => {
      const c: Client = await newClient(browser, { colorScheme: scheme });
      await c.page.goto(`${srv.url}/signup`);
      await c.page.getByTestId('signup-form').waitFor();
      const signup = await audit(c.page);
      await shot(c.page, `signup-${scheme}`);

      const me = await signUpApi(c, srv, userSpec('Auditor'));
      await apiCall(srv, me.token, 'POST', `/rooms/${roomId}/join`);
      await c.page.goto(`${srv.url}/rooms`);
      await c.page.getByTestId('room-card').first().waitFor();
      const directory = await audit(c.page);
      await shot(c.page, `directory-${scheme}`);

      await c.page.goto(`${srv.url}/rooms/${roomId}`);
      await message(c.page, 'Case 29').waitFor();
      await send(c.page, `Hello @grace, thank you (${scheme}).`);
      await message(c.page, `thank you (${scheme})`).waitFor();
      await c.page.getByTestId('members-toggle').click();
      await c.page.getByTestId('member-list').getByTestId('member').first().waitFor();
      const room = await audit(c.page);
      await shot(c.page, `room-members-${scheme}`);

      await c.page.goto(`${srv.url}/profile`);
      await c.page.getByTestId('session-item').first().waitFor();
      const profile = await audit(c.page);
      await shot(c.page, `profile-${scheme}`);

      expect({ signup, directory, room, profile }).toEqual({ signup: [], directory: [], room: [], profile: [] });
      await c.context.close();
    });
  }

  it('room settings and the profile card have no serious violations', async () => {
    const c: Client = await newClient(browser);
    await c.context.addCookies([{ name: 'rounds_session', value: token, url: srv.url }]);
    await c.page.goto(`${srv.url}/rooms/${roomId}/settings`);
    await c.page.getByTestId('room-details-form').waitFor();
    const settings = await audit(c.page);
    await shot(c.page, 'settings-light');
    await c.page.goto(`${srv.url}/rooms/${roomId}`);
    await c.page.locator('[data-testid=sender-name]:visible').last().click();
    await c.page.getByTestId('profile-card').waitFor();
    const card = await audit(c.page);
    expect({ settings, card }).toEqual({ settings: [], card: [] });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`attachments, the picture viewer, the identifier warning and the redaction editor (${scheme})`, async () => {
      const c: Client = await newClient(browser, { colorScheme: scheme });
      await c.context.addCookies([{ name: 'rounds_session', value: token, url: srv.url }]);
      await c.page.goto(`${srv.url}/rooms/${roomId}`);
      const m = message(c.page, 'Our UV-C cart');
      await m.getByTestId('file-chip').waitFor();
      await m.getByTestId('attachment-thumb').first().waitFor();
      const room = await audit(c.page);

      await m.getByTestId('attachment-thumb').first().click();
      await c.page.getByTestId('viewer-image').waitFor();
      const viewer = await audit(c.page);
      await c.page.keyboard.press('Escape');

      const picture = await makePicture(c.page, { width: 640, height: 480, color: '#ffffff', mark: '#333333' });
      await attachByPicker(c.page, [
        { name: 'wristband.png', mimeType: 'image/png', buffer: picture },
        { name: 'notes.pdf', mimeType: 'application/pdf', buffer: minimalPdf() },
      ]);
      await uploadsDone(c.page, 2);
      await c.page.getByTestId('composer-input').fill('Patient Zhang Wei, MRN 12345678, febrile');
      await c.page.getByTestId('identifier-warning').waitFor();
      const composer = await audit(c.page);

      await c.page.getByTestId('redact-picture').click();
      await c.page.getByTestId('redact-canvas').waitFor();
      const editor = await audit(c.page);
      expect({ room, viewer, composer, editor }).toEqual({ room: [], viewer: [], composer: [], editor: [] });
      await c.context.close();
    });
  }

  it('the message list is keyboard navigable', async () => {
    const c: Client = await newClient(browser);
    await c.context.addCookies([{ name: 'rounds_session', value: token, url: srv.url }]);
    await c.page.goto(`${srv.url}/rooms/${roomId}`);
    await message(c.page, 'Case 29').waitFor();
    await message(c.page, 'Case 29').focus();
    await c.page.keyboard.press('ArrowUp');
    const focused = await c.page.evaluate(() => document.activeElement?.closest('article')?.textContent ?? '');
    expect(focused).toContain('Case 28');
    await c.page.keyboard.press('ArrowDown');
    expect(await c.page.evaluate(() => document.activeElement?.closest('article')?.textContent ?? '')).toContain(
      'Case 29',
    );
    // Focus is visible.
    const outline = await c.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
