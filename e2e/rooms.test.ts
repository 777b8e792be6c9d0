import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  apiCall,
  type Client,
  hasCount,
  hasText,
  launch,
  newClient,
  shot,
  signUpApi,
  startApp,
  userSpec,
} from './helpers';

/** Directory search and filters, overflow into a sibling room, room settings and roles, sessions. */
describe('rooms, settings and sessions', () => {
  let srv: TestServer;
  let browser: Browser;
  let owner: Client;
  let ownerToken: string;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    owner = await newClient(browser);
    ownerToken = (await signUpApi(owner, srv, userSpec('Owner Admin'))).token; // first account: admin
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('filters the directory and places a newcomer in a sibling when a room is full', async () => {
    const group = await apiCall<{ id: string }>(srv, ownerToken, 'POST', '/groups', {
      name: 'Wuhan frontline',
      autoCreate: true,
      roomCapacity: 2,
    });
    const full = await apiCall<{ id: string }>(srv, ownerToken, 'POST', '/rooms', {
      name: 'Frontline 1',
      topic: 'Disinfection at clinics',
      language: 'en',
      capacity: 2,
      groupId: group.id,
    });
    await apiCall(srv, ownerToken, 'POST', '/rooms', {
      name: '一线交流 1',
      topic: '居家隔离',
      language: 'zh',
      capacity: 500,
    });
    const filler = await signUpApi(await newClient(browser), srv, userSpec('Filler'));
    await apiCall(srv, filler.token, 'POST', `/rooms/${full.id}/join`);

    const c = await newClient(browser);
    await signUpApi(c, srv, userSpec('Newcomer'));
    await c.page.goto(`${srv.url}/rooms`);
    await hasCount(c.page.getByTestId('room-card'), 2);
    // Search by topic, filter by language.
    await c.page.getByTestId('room-search').fill('Disinfection');
    await hasCount(c.page.getByTestId('room-card'), 1);
    await c.page.getByTestId('room-search').fill('');
    await c.page.getByTestId('room-language-filter').selectOption('zh');
    await hasCount(c.page.getByTestId('room-card'), 1);
    await hasText(c.page.getByTestId('room-card'), '一线交流');
    await c.page.getByTestId('room-language-filter').selectOption('');

    const card = c.page.locator('[data-testid=room-card][data-room-name="Frontline 1"]');
    await hasText(card.getByTestId('room-capacity'), '2 / 2');
    await card.getByTestId('room-full').waitFor();
    await hasText(card, 'Wuhan frontline');
    await shot(c.page, 'directory-groups-light');
    await card.getByTestId('join-room').click();
    await hasText(c.page.getByTestId('notice'), 'Frontline 1');
    const placed = await c.page.getByTestId('room-title').textContent();
    expect(placed).not.toContain('Frontline 1');
    expect(c.errors).toEqual([]);
  });

  it('lets the owner edit the room, set the announcement and promote a member', async () => {
    const room = await apiCall<{ id: string }>(srv, ownerToken, 'POST', '/rooms', {
      name: 'Settings room',
      language: 'en',
    });
    const m = await newClient(browser);
    const member = await signUpApi(m, srv, userSpec('Promoted Person'));
    await apiCall(srv, member.token, 'POST', `/rooms/${room.id}/join`);
    await m.page.goto(`${srv.url}/rooms/${room.id}`);
    await m.page.getByTestId('composer-input').waitFor();
    expect(await m.page.getByTestId('room-settings-link').count()).toBe(0);

    await owner.page.goto(`${srv.url}/rooms/${room.id}`);
    await owner.page.getByTestId('room-settings-link').click();
    await owner.page.getByTestId('settings-topic').fill('Weaning protocols');
    await owner.page.getByTestId('settings-announcement').fill('Lecture #1: **ventilator weaning**, Friday 20:00 UTC');
    await owner.page.getByTestId('settings-capacity').fill('5000');
    await owner.page.getByTestId('settings-save').click();
    await hasText(owner.page.getByTestId('settings-status'), 'Saved');
    // The member sees the new banner and topic live.
    await hasText(m.page.getByTestId('announcement'), 'ventilator weaning');
    await hasText(m.page.getByTestId('room-topic'), 'Weaning protocols');
    await hasText(m.page.getByTestId('members-toggle'), '5,000');

    // Promote to moderator: the member gets the settings link.
    const row = owner.page.locator(`[data-testid=role-row][data-user-id="${member.userId}"]`);
    await row.getByTestId('role-select').selectOption('moderator');
    await m.page.getByTestId('room-settings-link').waitFor();
    await shot(owner.page, 'settings-light');

    // An invite-only room fills by moderators adding people; the added person sees it appear.
    const closed = await apiCall<{ id: string }>(srv, ownerToken, 'POST', '/rooms', {
      name: 'Private case review',
      visibility: 'invite_only',
    });
    await owner.page.goto(`${srv.url}/rooms/${closed.id}/settings`);
    await owner.page.getByTestId('add-member-search').fill('Promoted');
    await owner.page.getByTestId('add-member').first().click();
    await hasText(owner.page.getByTestId('notice'), 'Promoted Person');
    await m.page.getByTestId('my-rooms').getByText('Private case review').waitFor();
    expect(owner.errors).toEqual([]);
    expect(m.errors).toEqual([]);
  });

  it('lists sessions and revokes another device', async () => {
    const u = userSpec('Two Devices');
    const laptop = await newClient(browser);
    await signUpApi(laptop, srv, u);
    const res = await fetch(`${srv.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: u.email, password: u.password }),
    });
    const { token } = (await res.json()) as { token: string };
    const phone = await newClient(browser, { viewport: { width: 390, height: 844 } });
    await phone.context.addCookies([{ name: 'rounds_session', value: token, url: srv.url }]);
    await phone.page.goto(srv.url);
    await phone.page.getByTestId('sidebar').waitFor();

    await laptop.page.goto(`${srv.url}/profile`);
    await hasCount(laptop.page.getByTestId('session-item'), 2);
    const other = laptop.page
      .getByTestId('session-item')
      .filter({ hasNot: laptop.page.getByTestId('current-session') });
    await other.getByTestId('session-revoke').click();
    await hasCount(laptop.page.getByTestId('session-item'), 1);
    // The revoked device is signed out.
    await phone.page.reload();
    await phone.page.getByTestId('signin-form').waitFor();
    expect(laptop.errors).toEqual([]);
  });
});
