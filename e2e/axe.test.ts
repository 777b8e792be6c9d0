import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { apiCall, type Client, launch, message, newClient, send, shot, signUpApi, startApp, userSpec } from './helpers';

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
    for (let i = 1; i <= 30; i++) {
      await apiCall(srv, token, 'POST', `/rooms/${room.id}/messages`, {
        clientMsgId: `m${i}`,
        body:
          i % 3 ? `Case ${i}: *fever* and cough, ${i} days. Any advice?` : `- item one\n- item two\n\n\`code ${i}\``,
      });
    }
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
