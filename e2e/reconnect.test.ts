import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  apiCall,
  type Client,
  createRoomUi,
  hasCount,
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

type Page = { messages: { body: string; seq: number }[]; hasMore: boolean };

/**
 * (b) The server restarts while a clinician writes: the banner says so, the message waits in the outbox,
 * and after reconnecting it arrives exactly once; what others wrote meanwhile is filled in by sync.
 */
describe('reconnect', () => {
  let srv: TestServer;
  let browser: Browser;
  let a: Client;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    a = await newClient(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('queues a message typed while disconnected, sends it once, and fills the gap', async () => {
    await signUpApi(a, srv, userSpec('Dana Ortiz'));
    const bob = await signUpApi(await newClient(browser), srv, userSpec('Bob Api'));
    await a.page.goto(srv.url);
    const roomId = await createRoomUi(a.page, 'Field hospital logistics');
    await apiCall(srv, bob.token, 'POST', `/rooms/${roomId}/join`);
    await send(a.page, 'Before the restart');
    await message(a.page, 'Before the restart').waitFor();

    // The server goes away; keep this browser offline so it cannot come back before the others write.
    await srv.close();
    await a.page.getByTestId('connection-banner').waitFor({ timeout: 15_000 });
    await a.context.setOffline(true);

    // Typed and sent while disconnected: shown as pending, not as sent.
    await send(a.page, 'Written during the outage');
    await a.page.getByTestId('pending-message').waitFor();
    await shot(a.page, 'reconnect-banner-light');

    // The server is back; someone else writes three messages this browser has not seen.
    await srv.open();
    for (const n of [1, 2, 3]) {
      await apiCall(srv, bob.token, 'POST', `/rooms/${roomId}/messages`, {
        clientMsgId: `gap-${n}`,
        body: `Missed message ${n}`,
      });
    }

    // Back online: hello, sync (the gap), then the outbox.
    await a.context.setOffline(false);
    await a.page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 30_000 });
    await message(a.page, 'Written during the outage').waitFor({ timeout: 20_000 });
    for (const n of [1, 2, 3]) await message(a.page, `Missed message ${n}`).waitFor();
    await hasCount(a.page.getByTestId('pending-message'), 0);
    await hasCount(message(a.page, 'Written during the outage'), 1);

    // In order, each once, on the page and on the server.
    const texts = async () =>
      (await a.page.getByTestId('message-list').getByTestId('message-body').allTextContents()).map((x) => x.trim());
    const bodies = await texts();
    expect(bodies).toEqual([
      'Before the restart',
      'Missed message 1',
      'Missed message 2',
      'Missed message 3',
      'Written during the outage',
    ]);
    const page = await apiCall<Page>(srv, bob.token, 'GET', `/rooms/${roomId}/messages?limit=50`);
    expect(page.messages.filter((m) => m.body === 'Written during the outage')).toHaveLength(1);

    // A reload shows the same history (nothing was only local).
    await a.page.reload();
    await message(a.page, 'Missed message 3').waitFor();
    expect(await texts()).toEqual(bodies);
    expect(a.errors).toEqual([]);
  });

  it('keeps a message queued while disconnected across a page reload, and sends it once', async () => {
    const c = await newClient(browser);
    const emeka = await signUpApi(c, srv, userSpec('Emeka Obi'));
    const roomId = (
      await apiCall<{ id: string }>(srv, emeka.token, 'POST', '/rooms', {
        name: 'Night shift handover',
        language: 'en',
      })
    ).id;
    await c.page.goto(`${srv.url}/rooms/${roomId}`);
    await send(c.page, 'Handover at 20:00');
    await message(c.page, 'Handover at 20:00').waitFor();

    // Neither the socket nor a message post can get through (the page itself still loads): restart the
    // server so the open socket drops.
    let blocked = true;
    await c.context.routeWebSocket(/\/api\/v1\/socket/, (ws) => (blocked ? ws.close() : ws.connectToServer()));
    await c.context.route(/\/api\/v1\/rooms\/[^/]+\/messages$/, (route) =>
      blocked && route.request().method() === 'POST' ? route.abort() : route.continue(),
    );
    await srv.close();
    await srv.open();
    await c.page.getByTestId('connection-banner').waitFor({ timeout: 15_000 });
    await send(c.page, 'Queued, then the tab was reloaded');
    await c.page.getByTestId('pending-message').waitFor();

    // A reload keeps it: the outbox lives in localStorage while signed in.
    await c.page.reload();
    // The room and its history come over HTTP without the socket; the message waits, marked pending.
    await c.page.getByTestId('connection-banner').waitFor();
    await message(c.page, 'Handover at 20:00').waitFor();
    await c.page.getByTestId('pending-message').filter({ hasText: 'Queued, then the tab was reloaded' }).waitFor();
    await shot(c.page, 'reconnect-after-reload');

    // The network gets through again: the message is sent with its client id, once.
    blocked = false;
    // Going offline and online again makes the client retry at once instead of after its backoff.
    await c.context.setOffline(true);
    await c.context.setOffline(false);
    await c.page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 30_000 });
    await message(c.page, 'Queued, then the tab was reloaded').waitFor({ timeout: 20_000 });
    await hasCount(c.page.getByTestId('pending-message'), 0);
    await hasCount(message(c.page, 'Queued, then the tab was reloaded'), 1);
    const server = await apiCall<Page>(srv, emeka.token, 'GET', `/rooms/${roomId}/messages?limit=50`);
    expect(server.messages.filter((m) => m.body === 'Queued, then the tab was reloaded')).toHaveLength(1);
    // Sent: nothing of it is left in the browser's storage.
    const saved = await c.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rounds.outbox.')));
    expect(saved).toEqual([]);
    expect(c.errors).toEqual([]);
  });

  it('where WebSockets are blocked, sends and receives over HTTP every few seconds', async () => {
    const c = await newClient(browser);
    const d = await newClient(browser);
    let blocked = true;
    await c.context.routeWebSocket(/\/api\/v1\/socket/, (ws) => (blocked ? ws.close() : ws.connectToServer()));
    const fay = await signUpApi(c, srv, userSpec('Fay Okafor'));
    const gil = await signUpApi(d, srv, userSpec('Gil Moreno'));
    const roomId = (
      await apiCall<{ id: string }>(srv, gil.token, 'POST', '/rooms', { name: 'Behind a proxy', language: 'en' })
    ).id;
    await apiCall(srv, fay.token, 'POST', `/rooms/${roomId}/join`);
    for (const x of [c, d]) await x.page.goto(`${srv.url}/rooms/${roomId}`);

    // After a few failed attempts the banner says messages still go out, checked every few seconds.
    await hasText(c.page.getByTestId('connection-banner'), 'checked for every few seconds', 20_000);
    await send(c.page, 'Sent over HTTP');
    await message(d.page, 'Sent over HTTP').waitFor({ timeout: 20_000 });
    await message(c.page, 'Sent over HTTP').waitFor({ timeout: 20_000 });
    await hasCount(c.page.getByTestId('pending-message'), 0);
    await send(d.page, 'Reply over the socket');
    await message(c.page, 'Reply over the socket').waitFor({ timeout: 20_000 });
    // Read at the bottom of the room: the read position goes over HTTP too, so no unread count stays.
    await hasCount(c.page.getByTestId('unread-badge'), 0);
    // Edits and reactions go over HTTP as well.
    const mine = message(c.page, 'Sent over HTTP');
    await mine.hover();
    await mine.getByTestId('edit-button').click();
    await c.page.getByTestId('edit-input').fill('Sent over HTTP, then edited');
    await c.page.getByTestId('edit-input').press('Enter');
    await message(d.page, 'Sent over HTTP, then edited').getByTestId('edited-marker').waitFor({ timeout: 20_000 });
    const reply = message(c.page, 'Reply over the socket');
    await reply.hover();
    await reply.getByTestId('react-button').click();
    await c.page.getByTestId('react-👍').click();
    await hasText(message(d.page, 'Reply over the socket').getByTestId('reaction-count'), '1');
    await shot(c.page, 'http-fallback');

    // When the socket gets through, the banner goes and nothing was posted twice.
    blocked = false;
    await c.context.setOffline(true);
    await c.context.setOffline(false);
    await c.page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 30_000 });
    await hasCount(message(c.page, 'Sent over HTTP, then edited'), 1);
    const server = await apiCall<Page>(srv, gil.token, 'GET', `/rooms/${roomId}/messages?limit=50`);
    expect(server.messages.map((m) => m.body)).toEqual(['Sent over HTTP, then edited', 'Reply over the socket']);
    expect(c.errors).toEqual([]);
  });

  it('forgets unsent messages at sign-out (nothing of them stays in the browser)', async () => {
    const h = await newClient(browser);
    await h.context.routeWebSocket(/\/api\/v1\/socket/, (ws) => ws.close());
    await h.context.route(/\/api\/v1\/rooms\/[^/]+\/messages$/, (route) =>
      route.request().method() === 'POST' ? route.abort() : route.continue(),
    );
    const hana = await signUpApi(h, srv, userSpec('Hana Sato'));
    const roomId = (
      await apiCall<{ id: string }>(srv, hana.token, 'POST', '/rooms', { name: 'Shared workstation', language: 'en' })
    ).id;
    await h.page.goto(`${srv.url}/rooms/${roomId}`);
    await send(h.page, 'Bed 4 needs a review');
    await h.page.getByTestId('pending-message').waitFor();
    const saved = () =>
      h.page.evaluate(() =>
        Object.entries(localStorage)
          .filter(([k]) => k.startsWith('rounds.outbox.'))
          .map(([, v]) => v),
      );
    expect((await saved()).join()).toContain('Bed 4 needs a review');

    await h.page.getByTestId('nav-profile').click();
    await h.page.getByTestId('signout').click();
    await h.page.waitForURL(/\/signin$/);
    expect(await saved()).toEqual([]);
  });
});
