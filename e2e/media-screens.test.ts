import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { apiCall, type Client, launch, message, newClient, shot, signUpApi, startApp, userSpec } from './helpers';
import { attachByPicker, drawBox, makePicture, minimalPdf, uploadApi, uploadsDone } from './media-helpers';

const VARIANTS = [
  { name: 'desktop-light-en', locale: 'en-US', scheme: 'light', viewport: { width: 1280, height: 820 } },
  { name: 'desktop-dark-zh', locale: 'zh-CN', scheme: 'dark', viewport: { width: 1280, height: 820 } },
  { name: 'phone-light-zh', locale: 'zh-CN', scheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'phone-dark-en', locale: 'en-US', scheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

/** Screenshots of the attachment screens (composer, warning, viewer, redaction editor) in each look and language. */
describe('attachment screens', () => {
  let srv: TestServer;
  let browser: Browser;
  let token: string;
  let roomId: string;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    const setup = await newClient(browser);
    token = (await signUpApi(setup, srv, userSpec('Grace Ho'))).token;
    const other = await newClient(browser);
    const bob = await signUpApi(other, srv, userSpec('Bob Miller'));
    roomId = (await apiCall<{ id: string }>(srv, token, 'POST', '/rooms', { name: 'Ward pictures', language: 'en' }))
      .id;
    await apiCall(srv, bob.token, 'POST', `/rooms/${roomId}/join`);
    const colors = [
      ['#d5e8e6', '#0d6661'],
      ['#f3e3c3', '#8c1d17'],
      ['#dfe4f5', '#2c3e8c'],
    ] as const;
    const uploads = [];
    for (const [i, [bg, mark]] of colors.entries()) {
      const buffer = await makePicture(setup.page, {
        width: i === 1 ? 600 : 800,
        height: i === 1 ? 800 : 600,
        color: bg,
        mark,
      });
      uploads.push(
        await uploadApi(srv, bob.token, roomId, { name: `ward-${i + 1}.png`, mimeType: 'image/png', buffer }),
      );
    }
    uploads.push(
      await uploadApi(srv, bob.token, roomId, {
        name: 'donning-protocol.pdf',
        mimeType: 'application/pdf',
        buffer: minimalPdf(),
      }),
    );
    await apiCall(srv, bob.token, 'POST', `/rooms/${roomId}/messages`, {
      clientMsgId: 'pics',
      body: 'Our isolation ward after the changes',
      attachments: uploads.map((u, i) => ({ uploadId: u.id, caption: i === 0 ? 'UV-C cart, 2 min per side' : '' })),
    });
    await apiCall(srv, bob.token, 'POST', `/rooms/${roomId}/messages`, {
      clientMsgId: 'flagged',
      body: 'Mr Smith in bed 12 is febrile again',
    });
    await setup.context.close();
    await other.context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  for (const v of VARIANTS) {
    it(`composer, warning, viewer and redaction editor: ${v.name}`, async () => {
      const c: Client = await newClient(browser, { locale: v.locale, colorScheme: v.scheme, viewport: v.viewport });
      await c.context.addCookies([{ name: 'rounds_session', value: token, url: srv.url }]);
      await c.page.goto(`${srv.url}/rooms/${roomId}`);
      const m = message(c.page, 'Our isolation ward');
      await m.getByTestId('file-chip').waitFor();
      await message(c.page, 'Mr Smith in bed 12').getByTestId('privacy-flag').waitFor();
      await c.page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid=attachment-thumb] img')].every(
          (i) => (i as HTMLImageElement).complete,
        ),
      );
      await shot(c.page, `attachments-list-${v.name}`);

      await m.getByTestId('attachment-thumb').first().click();
      await c.page.waitForFunction(
        () => (document.querySelector('[data-testid=viewer-image]') as HTMLImageElement)?.complete,
      );
      await shot(c.page, `viewer-${v.name}`);
      await c.page.getByTestId('viewer-next').click();
      await c.page.getByTestId('viewer-zoom-in').click();
      await shot(c.page, `viewer-zoomed-${v.name}`);
      await c.page.getByTestId('viewer-close').click();

      const wristband = await makePicture(c.page, { width: 800, height: 600, color: '#f4f4f4', mark: '#5d6d7e' });
      const monitor = await makePicture(c.page, { width: 600, height: 800, color: '#1b2631', mark: '#48c9b0' });
      await attachByPicker(c.page, [
        { name: 'wristband.png', mimeType: 'image/png', buffer: wristband },
        { name: 'monitor.png', mimeType: 'image/png', buffer: monitor },
        { name: 'donning-checklist-with-a-long-name.pdf', mimeType: 'application/pdf', buffer: minimalPdf() },
        {
          name: 'diagram.svg',
          mimeType: 'image/svg+xml',
          buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        },
      ]);
      await c.page.locator('[data-testid=tray-item][data-status=failed]').waitFor();
      await c.page.getByTestId('caption-input').first().fill('Wristband, bed 4');
      await c.page
        .getByTestId('composer-input')
        .fill(v.locale === 'zh-CN' ? '患者张伟，住院号：123456，发热三天' : 'Patient Zhang Wei, MRN 12345678, febrile');
      await c.page.getByTestId('identifier-warning').waitFor();
      await c.page.getByTestId('composer-input').press('Enter');
      await c.page.getByTestId('identifier-held').waitFor();
      await shot(c.page, `composer-warning-${v.name}`);

      await c.page.getByTestId('redact-picture').first().click();
      await c.page.getByTestId('redact-canvas').waitFor();
      await drawBox(c.page, [0.3, 0.35], [0.7, 0.6]);
      await drawBox(c.page, [0.1, 0.1], [0.25, 0.2]);
      await shot(c.page, `redact-editor-${v.name}`);
      await c.page.getByTestId('redact-apply').click();
      await c.page.getByTestId('redacted-badge').waitFor();
      await c.page.locator('[data-testid=tray-item][data-status=failed]').getByTestId('upload-remove').click();
      await uploadsDone(c.page, 3);
      await c.page.getByTestId('redact-identifiers').click();
      await shot(c.page, `composer-attachments-${v.name}`);

      const overflow = await c.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(c.errors).toEqual([]);
      await c.context.close();
    });
  }
});
