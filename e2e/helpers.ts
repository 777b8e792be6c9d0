import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestServer, type TestServer } from '../packages/server/src/test/server';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const WEB_DIST = path.join(ROOT, 'packages/web/dist');
export const SHOTS = path.join(ROOT, '.artifacts/screenshots');

/** A server serving the built client; anyone may create rooms so tests need not promote users. */
export async function startApp(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({
    webDist: WEB_DIST,
    env: {
      ROUNDS_OPEN_ROOM_CREATION: 'true',
      ROUNDS_RATE_MESSAGES_BURST: '200',
      ROUNDS_RATE_MESSAGES_PER_SEC: '100',
      ...env,
    },
  });
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Client = { context: BrowserContext; page: Page; errors: string[]; logs: string[] };

/** A fresh browser context and page; uncaught page errors are collected so tests can assert none happened. */
export async function newClient(
  browser: Browser,
  opts: {
    viewport?: { width: number; height: number };
    locale?: string;
    colorScheme?: 'light' | 'dark';
    timezoneId?: string;
  } = {},
): Promise<Client> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 820 },
    locale: opts.locale ?? 'en-US',
    colorScheme: opts.colorScheme ?? 'light',
    timezoneId: opts.timezoneId ?? 'Europe/London',
    ...(opts.viewport && opts.viewport.width < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const logs: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') logs.push(`${m.type()}: ${m.text()}`);
  });
  if (process.env.E2E_LOGS) page.on('console', (m) => console.log(`[page] ${m.type()}: ${m.text()}`));
  return { context, page, errors, logs };
}

export type UserSpec = {
  email: string;
  password: string;
  displayName: string;
  handle: string;
  country?: string;
  institution?: string;
};

let n = 0;
export function userSpec(name: string): UserSpec {
  n += 1;
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]/g, '')}${n}${Date.now().toString(36).slice(-4)}`;
  return {
    email: `${slug}@example.org`,
    password: 'correct horse battery',
    displayName: name,
    handle: slug,
    country: 'CN',
    institution: 'Wuhan Union Hospital',
  };
}

/**
 * Signs up through the (short) form, as a person would. The server derives the handle: `u.handle` is set to
 * the one it chose, so tests can mention the user.
 */
export async function signUpUi(page: Page, base: string, u: UserSpec): Promise<void> {
  await page.goto(`${base}/signup`);
  await page.getByTestId('displayName-input').fill(u.displayName);
  await page.getByTestId('email-input').fill(u.email);
  await page.getByTestId('password-input').fill(u.password);
  await page.getByTestId('profession-select').selectOption('physician');
  await page.getByTestId('country-search').fill(u.country === 'US' ? 'United States' : 'China');
  await page.getByTestId('country-select').selectOption(u.country ?? 'CN');
  await page.getByTestId('signup-submit').click();
  await page.getByTestId('sidebar').waitFor({ timeout: 15_000 });
  const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
  u.handle = (session as { user: { handle: string } }).user.handle;
}

/** Registers through the API and puts the session cookie in the browser context (faster than the form). */
export async function signUpApi(
  client: Client,
  srv: TestServer,
  u: UserSpec,
): Promise<{ token: string; userId: string }> {
  const res = await fetch(`${srv.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: u.email,
      password: u.password,
      handle: u.handle,
      displayName: u.displayName,
      profession: 'nurse',
      specialty: 'Infection control',
      country: u.country ?? 'CN',
      institution: u.institution ?? '',
      languages: ['en', 'zh'],
      timeZone: 'Asia/Shanghai',
    }),
  });
  if (!res.ok) throw new Error(`register ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { token: string; user: { id: string } };
  await client.context.addCookies([{ name: 'rounds_session', value: body.token, url: srv.url }]);
  return { token: body.token, userId: body.user.id };
}

/** A bearer-token API call from the test itself (no browser). */
export async function apiCall<T>(
  srv: TestServer,
  token: string,
  method: string,
  p: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${srv.url}/api/v1${p}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p} ${res.status}: ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Creates a room through the directory's dialog and lands in it. */
export async function createRoomUi(page: Page, name: string, topic = ''): Promise<string> {
  await page.getByTestId('nav-directory').click();
  await page.getByTestId('create-room-open').click();
  await page.getByTestId('room-name-input').fill(name);
  if (topic) await page.getByTestId('room-topic-input').fill(topic);
  await page.getByTestId('create-room-submit').click();
  await hasText(page.getByTestId('room-title'), name);
  await page.getByTestId('composer-input').waitFor();
  const id = await page.getByTestId('room-view').getAttribute('data-room-id');
  if (!id) throw new Error('no room id');
  return id;
}

/** Finds a room in the directory and joins it. */
export async function joinRoomUi(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-directory').click();
  await page.getByTestId('room-search').fill(name);
  const card = page.locator(`[data-testid=room-card][data-room-name="${name}"]`);
  await card.getByTestId('join-room').click();
  await hasText(page.getByTestId('room-title'), name);
}

export async function send(
  page: Page,
  text: string,
  where: 'composer' | 'thread-composer' = 'composer',
): Promise<void> {
  const input = page.getByTestId(where).getByTestId('composer-input');
  await input.fill(text);
  await input.press('Enter');
}

/** The confirmed (not pending) message in the main list whose body contains `text` (or is exactly it). */
export function message(page: Page, text: string, exact = false) {
  return page
    .getByTestId('message-list')
    .locator('[data-testid=message]', { has: page.getByTestId('message-body').getByText(text, { exact }) });
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Waits until the locator's text contains `text`. */
export async function hasText(locator: Locator, text: string, timeout = 15_000): Promise<void> {
  await expect
    .poll(
      async () =>
        (await locator
          .first()
          .textContent()
          .catch(() => '')) ?? '',
      { timeout, interval: 100 },
    )
    .toContain(text);
}

/** Waits until the locator matches exactly `count` elements. */
export async function hasCount(locator: Locator, count: number, timeout = 15_000): Promise<void> {
  await expect.poll(() => locator.count(), { timeout, interval: 100 }).toBe(count);
}

/**
 * Two members with a new room open: the first signs up and creates it, the second signs up and joins, both
 * over the API; then each page opens the room. Options are the second client's (e.g. a dark scheme).
 */
export async function roomForTwo(
  srv: TestServer,
  browser: Browser,
  roomName: string,
  second: Parameters<typeof newClient>[1] = {},
): Promise<{ a: Client; b: Client; aToken: string; bToken: string; roomId: string }> {
  const a = await newClient(browser);
  const b = await newClient(browser, second);
  const aToken = (await signUpApi(a, srv, userSpec('Alice Chen'))).token;
  const bToken = (await signUpApi(b, srv, userSpec('Bob Miller'))).token;
  const roomId = (await apiCall<{ id: string }>(srv, aToken, 'POST', '/rooms', { name: roomName, language: 'en' })).id;
  await apiCall(srv, bToken, 'POST', `/rooms/${roomId}/join`);
  for (const c of [a, b]) {
    await c.page.goto(`${srv.url}/rooms/${roomId}`);
    await c.page.getByTestId('composer-input').waitFor();
  }
  return { a, b, aToken, bToken, roomId };
}
