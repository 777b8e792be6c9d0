import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  type Client,
  createRoomUi,
  hasCount,
  hasText,
  joinRoomUi,
  launch,
  message,
  newClient,
  send,
  shot,
  signUpUi,
  startApp,
  userSpec,
} from './helpers';

/** (a) Two clinicians in two browsers: sign up, create and join a room, talk live, thread, edit, delete, react. */
describe('live exchange', () => {
  let srv: TestServer;
  let browser: Browser;
  let a: Client;
  let b: Client;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    a = await newClient(browser);
    b = await newClient(browser, { colorScheme: 'dark' });
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('two users exchange messages, a thread reply, an edit, a delete and a reaction live', async () => {
    const alice = userSpec('Alice Chen');
    const bob = userSpec('Bob Miller');
    await signUpUi(a.page, srv.url, alice);
    await shot(a.page, 'directory-empty-light');
    await signUpUi(b.page, srv.url, { ...bob, country: 'US' });

    const room = `ICU ventilation ${Date.now().toString(36)}`;
    await createRoomUi(a.page, room, 'Prone positioning, PEEP, weaning');
    await joinRoomUi(b.page, room);

    // Live both ways.
    await send(a.page, 'Welcome! **Prone positioning** helped our ARDS patients.');
    await message(b.page, 'Prone positioning').waitFor();
    // Bob mentions Alice through the autocomplete; Alice sees him typing.
    const input = b.page.getByTestId('composer').getByTestId('composer-input');
    await input.pressSequentially(`Thanks @${alice.handle.slice(0, 4)}`);
    await hasText(a.page.getByTestId('typing-indicator'), 'Bob Miller');
    await b.page.getByTestId('mention-list').waitFor();
    await hasText(b.page.getByTestId('mention-option').first(), alice.handle);
    await input.press('Enter');
    expect(await input.inputValue()).toBe(`Thanks @${alice.handle} `);
    await input.pressSequentially(', how many hours per day?');
    await input.press('Enter');
    await message(a.page, 'how many hours per day').waitFor();
    await hasCount(message(a.page, 'how many hours per day'), 1);
    await hasCount(message(b.page, 'how many hours per day'), 1);
    // The mention is rendered as a chip.
    await message(a.page, 'how many hours').locator('.mention').waitFor();

    // Thread reply: Alice replies in a thread on Bob's question; Bob sees the count and the reply.
    const question = message(a.page, 'how many hours per day');
    await question.hover();
    await question.getByTestId('reply-button').click();
    await a.page.getByTestId('thread-panel').waitFor();
    await send(a.page, 'At least 16 hours a day.', 'thread-composer');
    await a.page.getByTestId('thread-replies').getByText('At least 16 hours a day.').waitFor();
    await hasText(message(b.page, 'how many hours per day').getByTestId('thread-summary'), '1');
    await message(b.page, 'how many hours per day').getByTestId('thread-summary').click();
    await b.page.getByTestId('thread-replies').getByText('At least 16 hours a day.').waitFor();
    await shot(b.page, 'thread-dark');
    await b.page.getByTestId('thread-close').click();

    // Edit: Alice edits her welcome; Bob sees the new text and the edited marker.
    const welcome = message(a.page, 'Prone positioning');
    await welcome.hover();
    await welcome.getByTestId('edit-button').click();
    await a.page.getByTestId('edit-input').fill('Welcome! **Prone positioning** helped many of our ARDS patients.');
    await a.page.getByTestId('edit-input').press('Enter');
    await message(b.page, 'helped many of our').getByTestId('edited-marker').waitFor();

    // Reaction: Bob reacts 👍 to the welcome; Alice sees the count.
    const welcomeB = message(b.page, 'helped many of our');
    await welcomeB.hover();
    await welcomeB.getByTestId('react-button').click();
    await b.page.getByTestId('react-👍').click();
    await hasText(message(a.page, 'helped many of our').getByTestId('reaction-count'), '1');
    expect(await message(b.page, 'helped many of our').getByTestId('reaction').getAttribute('aria-pressed')).toBe(
      'true',
    );

    // Delete: Bob deletes a message of his; Alice sees it go.
    await send(b.page, 'Oops, wrong room');
    await message(a.page, 'Oops, wrong room').waitFor();
    const oops = message(b.page, 'Oops, wrong room');
    await oops.hover();
    await oops.getByTestId('delete-button').click();
    await oops.getByTestId('delete-confirm').click();
    await hasCount(message(a.page, 'Oops, wrong room'), 0);
    await a.page.getByTestId('deleted-placeholder').first().waitFor();

    // Unread counts: Alice leaves for the directory, Bob writes, Alice's sidebar and tab title show it.
    await a.page.getByTestId('nav-directory').click();
    await send(b.page, 'One more question about PEEP');
    await hasText(a.page.getByTestId('unread-badge'), '1');
    expect(await a.page.title()).toMatch(/^\(1\) Rounds/);
    await a.page.locator(`[data-room-name="${room}"]`).first().click();
    await message(a.page, 'One more question').waitFor();
    await expect.poll(() => a.page.getByTestId('unread-badge').count(), { timeout: 10_000 }).toBe(0);

    // Member profile card from a name.
    await message(a.page, 'One more question').getByTestId('sender-name').click();
    await hasText(a.page.getByTestId('profile-card'), 'Bob Miller');
    await hasText(a.page.getByTestId('card-country'), 'United States');
    await shot(a.page, 'profile-card-light');
    await a.page.getByTestId('dialog-close').click();

    await shot(a.page, 'room-desktop-light');
    await shot(b.page, 'room-desktop-dark');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
