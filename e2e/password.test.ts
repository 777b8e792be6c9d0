import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { type Client, hasCount, hasText, launch, newClient, shot, signUpApi, startApp, userSpec } from './helpers';

/** Changing the password on the profile page signs out the other sessions, not this one. */
describe('change password', () => {
  let srv: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('shows wrong-password and weak-password errors, then changes it and signs out the other device', async () => {
    const here: Client = await newClient(browser);
    const other: Client = await newClient(browser);
    const spec = userSpec('Erin Park');
    await signUpApi(here, srv, spec);
    // A second device of the same user.
    const login = await fetch(`${srv.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: spec.email, password: spec.password }),
    });
    const { token } = (await login.json()) as { token: string };
    await other.context.addCookies([{ name: 'rounds_session', value: token, url: srv.url }]);
    await other.page.goto(`${srv.url}/rooms`);
    await other.page.getByTestId('sidebar').waitFor();

    await here.page.goto(`${srv.url}/profile`);
    await hasCount(here.page.getByTestId('session-item'), 2);
    const form = here.page.getByTestId('change-password');
    await form.getByTestId('current-password-input').fill('not my password');
    await form.getByTestId('new-password-input').fill('a much longer new passphrase');
    await form.getByTestId('confirm-password-input').fill('a much longer new passphrase');
    await form.getByTestId('password-submit').click();
    await hasText(form, 'The current password is wrong.');
    await form.scrollIntoViewIfNeeded();
    await shot(here.page, 'password-error-light');

    await form.getByTestId('current-password-input').fill(spec.password);
    await form.getByTestId('new-password-input').fill('aaaaaaaaaaaa');
    await form.getByTestId('confirm-password-input').fill('aaaaaaaaaaaa');
    await form.getByTestId('password-submit').click();
    await hasText(form, 'Choose a stronger password');

    await form.getByTestId('new-password-input').fill('a much longer new passphrase');
    await form.getByTestId('confirm-password-input').fill('a much longer new passphrase');
    await form.getByTestId('password-submit').click();
    await hasText(form.getByTestId('password-status'), 'Password changed');
    expect(await form.getByTestId('current-password-input').inputValue()).toBe('');

    // The other device is signed out; this one stays, and its list shows one session.
    await other.page.waitForURL(/\/signin$/, { timeout: 15_000 });
    await hasCount(here.page.getByTestId('session-item'), 1);
    const relogin = await fetch(`${srv.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: spec.email, password: 'a much longer new passphrase' }),
    });
    expect(relogin.status).toBe(200);
    expect(here.errors).toEqual([]);
  });
});
