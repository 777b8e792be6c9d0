import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  apiCall,
  type Client,
  createRoomUi,
  hasText,
  launch,
  message,
  newClient,
  send,
  shot,
  signUpApi,
  startApp,
  userSpec,
} from './helpers';

/** (c) A Chinese interface: chosen in the profile, kept on the account, and Chinese text round-trips. */
describe('Chinese interface', () => {
  let srv: TestServer;
  let browser: Browser;
  let a: Client;
  let b: Client;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    a = await newClient(browser);
    b = await newClient(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('switches to Simplified Chinese in the profile and exchanges a Chinese message', async () => {
    const li = userSpec('李文');
    const liAuth = await signUpApi(a, srv, li);
    await a.page.goto(`${srv.url}/profile`);
    await a.page.getByTestId('locale-select').selectOption('zh-CN');
    await hasText(a.page.getByTestId('nav-directory'), '浏览房间');
    await hasText(a.page.locator('h1'), '个人资料');
    expect(await a.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await shot(a.page, 'profile-zh-light');
    // Saved on the account: the server says so, and a fresh device follows it.
    await expect
      .poll(async () => (await apiCall<{ locale: string | null }>(srv, liAuth.token, 'GET', '/me')).locale)
      .toBe('zh-CN');

    const roomId = await createRoomUi(a.page, '发热门诊交流', '消毒流程与防护');
    // The room view's own labels are Chinese.
    expect(await a.page.getByTestId('composer-input').getAttribute('placeholder')).toBe('输入消息…');
    await hasText(a.page.getByTestId('members-toggle'), '成员');
    await hasText(a.page.getByTestId('send-button'), '发送');

    // A second user whose browser prefers Chinese gets the Chinese interface by default.
    const wang = userSpec('王医生');
    const wangAuth = await signUpApi(b, srv, wang);
    await apiCall(srv, wangAuth.token, 'POST', `/rooms/${roomId}/join`);
    await b.page.goto(`${srv.url}/rooms/${roomId}`);
    await hasText(b.page.getByTestId('nav-directory'), '浏览房间');

    const text = '发热门诊消毒流程：先戴好 N95 口罩，再进行**手卫生**。';
    await send(a.page, text);
    await message(b.page, '发热门诊消毒流程').waitFor();
    const shown = (await message(b.page, '发热门诊消毒流程').getByTestId('message-body').textContent())?.trim();
    expect(shown).toBe('发热门诊消毒流程：先戴好 N95 口罩，再进行手卫生。');
    expect(await message(b.page, '发热门诊消毒流程').locator('strong').textContent()).toBe('手卫生');
    await send(b.page, '收到，谢谢！');
    await message(a.page, '收到，谢谢！').waitFor();

    // Both are in the room and at the bottom: nothing stays unread.
    await expect.poll(() => a.page.getByTestId('unread-badge').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => b.page.getByTestId('unread-badge').count(), { timeout: 10_000 }).toBe(0);

    // Stored exactly as typed.
    const page = await apiCall<{ messages: { body: string }[] }>(srv, liAuth.token, 'GET', `/rooms/${roomId}/messages`);
    expect(page.messages.map((m) => m.body)).toEqual([text, '收到，谢谢！']);

    // After a reload the account's language still applies.
    await a.page.reload();
    await hasText(a.page.getByTestId('room-title'), '发热门诊交流');
    expect(await a.page.getByTestId('composer-input').getAttribute('placeholder')).toBe('输入消息…');
    await message(a.page, '收到，谢谢！').waitFor();
    await shot(a.page, 'room-zh-light');
    await shot(b.page, 'room-zh-b');

    // The same account on a phone at night: Chinese, dark, the room on its own screen.
    const phone = await newClient(browser, {
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      colorScheme: 'dark',
      timezoneId: 'Asia/Shanghai',
    });
    await phone.context.addCookies([{ name: 'rounds_session', value: wangAuth.token, url: srv.url }]);
    await phone.page.goto(`${srv.url}/rooms/${roomId}`);
    await message(phone.page, '收到，谢谢！').waitFor();
    await hasText(phone.page.getByTestId('back-to-rooms'), '房间');
    await shot(phone.page, 'room-zh-phone-dark');
    expect(phone.errors).toEqual([]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
