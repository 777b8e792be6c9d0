import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import {
  apiCall,
  type Client,
  hasCount,
  hasText,
  launch,
  message,
  newClient,
  roomForTwo,
  send,
  signUpApi,
  startApp,
  userSpec,
} from './helpers';
import { attachByPicker, makePicture, minimalPdf, pastePicture, uploadsDone } from './media-helpers';

/** The server previews PDFs only where poppler's pdftoppm is installed. */
const hasPoppler = (process.env.PATH ?? '')
  .split(path.delimiter)
  .some((dir) => fs.existsSync(path.join(dir, 'pdftoppm')));

/** Pictures and files: attach (picker, paste), upload with progress, send, see and open them in another browser. */
describe('attachments', () => {
  let srv: TestServer;
  let browser: Browser;
  let a: Client;
  let b: Client;
  let roomId: string;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    ({ a, b, roomId } = await roomForTwo(srv, browser, 'Ward pictures', { colorScheme: 'dark' }));
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('attaches pictures by the picker and by paste; another member sees thumbnails and browses them', async () => {
    const wide = await makePicture(a.page, { width: 640, height: 480, color: '#c0392b' });
    const tall = await makePicture(a.page, { width: 300, height: 600, color: '#2471a3', type: 'image/jpeg' });
    await attachByPicker(a.page, [
      { name: 'uv-cart.png', mimeType: 'image/png', buffer: wide },
      { name: 'ppe-station.jpg', mimeType: 'image/jpeg', buffer: tall },
    ]);
    await pastePicture(a.page, { width: 400, height: 200, color: '#1e8449' });
    await uploadsDone(a.page, 3);
    await a.page.getByTestId('caption-input').first().fill('UV-C cart, 2 min per side');
    await send(a.page, 'Three pictures from the ward');

    const m = message(b.page, 'Three pictures from the ward');
    await hasCount(m.getByTestId('attachment-thumb'), 3);
    await hasText(m, 'UV-C cart, 2 min per side');
    // Thumbnails load from the server (`thumb`), drawn at a size known before they load.
    const thumbs = m.getByTestId('attachment-thumb').locator('img');
    await expect
      .poll(() => thumbs.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0)))
      .toEqual([true, true, true]);
    expect(await thumbs.first().getAttribute('src')).toMatch(/^\/api\/v1\/media\/[\w-]+\/thumb$/);
    expect(
      await thumbs.evaluateAll((imgs) => imgs.map((i) => [i.getAttribute('width'), i.getAttribute('height')])),
    ).toEqual([
      ['160', '120'],
      ['80', '160'],
      ['160', '80'],
    ]);

    // The viewer: opens at the picture clicked, arrows and buttons move through the message's pictures.
    await m.getByTestId('attachment-thumb').nth(1).click();
    const viewer = b.page.getByTestId('viewer');
    await viewer.waitFor();
    await hasText(b.page.getByTestId('viewer-position'), '2 of 3');
    await expect
      .poll(() => b.page.getByTestId('viewer-image').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBe(300);
    expect(await b.page.getByTestId('viewer-image').getAttribute('src')).toMatch(/\/full$/);
    await b.page.keyboard.press('ArrowRight');
    await hasText(b.page.getByTestId('viewer-position'), '3 of 3');
    await b.page.getByTestId('viewer-next').click();
    await hasText(b.page.getByTestId('viewer-position'), '1 of 3');
    await hasText(viewer, 'UV-C cart');
    await b.page.getByTestId('viewer-prev').click();
    await hasText(b.page.getByTestId('viewer-position'), '3 of 3');
    await b.page.getByTestId('viewer-zoom-in').click();
    await hasText(b.page.getByTestId('viewer-zoom'), '150%');
    await b.page.keyboard.press('+');
    await hasText(b.page.getByTestId('viewer-zoom'), '225%');
    await b.page.getByTestId('viewer-fit').click();
    await hasText(b.page.getByTestId('viewer-zoom'), '100%');
    expect(await b.page.getByTestId('viewer-download').getAttribute('href')).toMatch(/\/full$/);
    await b.page.keyboard.press('Escape');
    await hasCount(b.page.getByTestId('viewer'), 0);
    // Focus went back to the thumbnail that opened the viewer.
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('attachment-thumb');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('uploads a PDF: a file chip with name, type, size and first-page preview, downloadable by another member', async () => {
    await attachByPicker(a.page, [{ name: 'donning-protocol.pdf', mimeType: 'application/pdf', buffer: minimalPdf() }]);
    await uploadsDone(a.page, 1);
    await send(a.page, 'Our donning protocol');
    const chip = message(b.page, 'Our donning protocol').getByTestId('file-chip');
    await chip.waitFor();
    await hasText(chip, 'donning-protocol.pdf');
    await hasText(chip, 'PDF');
    await hasCount(chip.getByTestId('file-preview'), hasPoppler ? 1 : 0);
    if (hasPoppler) {
      await expect
        .poll(() => chip.getByTestId('file-preview').evaluate((i) => (i as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    }
    const href = await chip.getByTestId('file-download').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/media\/[\w-]+\/full$/);
    const head = await b.page.evaluate(async (url) => {
      const res = await fetch(url);
      return [res.status, (await res.text()).slice(0, 5), res.headers.get('content-disposition')];
    }, href!);
    expect(head.slice(0, 2)).toEqual([200, '%PDF-']);
    expect(head[2]).toContain('attachment');
  });

  it('a refused upload shows the server error, translated; it can be retried or removed without retyping', async () => {
    const input = a.page.getByTestId('composer').getByTestId('composer-input');
    await input.fill('Message kept while the files fail');
    const png = await makePicture(a.page, { width: 20, height: 20, color: '#000' });
    await attachByPicker(a.page, [
      {
        name: 'diagram.svg',
        mimeType: 'image/svg+xml',
        buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      },
      { name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is really text, not a picture') },
      { name: 'notes.pdf', mimeType: 'application/pdf', buffer: png },
    ]);
    const failed = a.page.getByTestId('composer').locator('[data-testid=tray-item][data-status=failed]');
    await hasCount(failed, 3);
    const errors = await failed.getByTestId('upload-error').allTextContents();
    expect(errors[0]).toContain('This type of file is not accepted');
    expect(errors[1]).toContain('This type of file is not accepted');
    expect(errors[2]).toContain('does not match its name');
    expect(await a.page.getByTestId('composer').getByTestId('send-button').isDisabled()).toBe(true);

    // Retry asks the server again (and fails again); Remove takes the file out.
    await failed.first().getByTestId('upload-retry').click();
    await hasCount(failed, 3);
    for (let i = 3; i > 0; i--) {
      await failed.first().getByTestId('upload-remove').click();
      await hasCount(failed, i - 1);
    }
    expect(await input.inputValue()).toBe('Message kept while the files fail');
    await input.press('Enter');
    await message(b.page, 'Message kept while the files fail').waitFor();
    expect(a.errors).toEqual([]);
  });

  it('on a touch screen the viewer zooms by double tap and pinch, and swipes to the next picture', async () => {
    const phone = await newClient(browser, { viewport: { width: 390, height: 844 } });
    const dora = await signUpApi(phone, srv, userSpec('Dora Li'));
    await apiCall(srv, dora.token, 'POST', `/rooms/${roomId}/join`);
    await phone.page.goto(`${srv.url}/rooms/${roomId}`);
    await message(phone.page, 'Three pictures from the ward').getByTestId('attachment-thumb').first().click();
    const stage = (await phone.page.locator('.viewer-stage').boundingBox())!;
    const cx = stage.x + stage.width / 2;
    const cy = stage.y + stage.height / 2;
    const cdp = await phone.context.newCDPSession(phone.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const zoom = phone.page.getByTestId('viewer-zoom');

    await touch('touchStart', [[cx, cy]]);
    await touch('touchEnd', []);
    await touch('touchStart', [[cx, cy]]);
    await touch('touchEnd', []);
    await hasText(zoom, '250%');
    await phone.page.getByTestId('viewer-fit').click();
    await hasText(zoom, '100%');

    // Two fingers spreading from 100 px to 200 px apart: twice the size.
    await touch('touchStart', [
      [cx - 50, cy],
      [cx + 50, cy],
    ]);
    await touch('touchMove', [
      [cx - 75, cy],
      [cx + 75, cy],
    ]);
    await touch('touchMove', [
      [cx - 100, cy],
      [cx + 100, cy],
    ]);
    await touch('touchEnd', []);
    await hasText(zoom, '200%');
    await phone.page.getByTestId('viewer-fit').click();

    // A swipe to the left shows the next picture.
    await touch('touchStart', [[cx + 120, cy]]);
    await touch('touchMove', [[cx, cy + 5]]);
    await touch('touchMove', [[cx - 120, cy + 5]]);
    await touch('touchEnd', []);
    await hasText(phone.page.getByTestId('viewer-position'), '2 of 3');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('shows upload errors in Chinese, and attaches pictures in a thread', async () => {
    const zh = await newClient(browser, { locale: 'zh-CN' });
    const carol = await signUpApi(zh, srv, userSpec('Carol Wu'));
    await apiCall(srv, carol.token, 'POST', `/rooms/${roomId}/join`);
    await zh.page.goto(`${srv.url}/rooms/${roomId}`);
    await zh.page.getByTestId('composer-input').waitFor();
    await attachByPicker(zh.page, [{ name: 'x-ray.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('plain text') }]);
    await hasText(zh.page.getByTestId('upload-error'), '不接受此类文件');
    await zh.page.getByTestId('upload-remove').click();
    await hasCount(zh.page.getByTestId('tray-item'), 0);

    // In a thread: the thread composer has its own attachments.
    await message(zh.page, 'Our donning protocol').hover();
    await message(zh.page, 'Our donning protocol').getByTestId('reply-button').click();
    await zh.page.getByTestId('thread-panel').waitFor();
    const pic = await makePicture(zh.page, { width: 200, height: 150, color: '#7d3c98' });
    await attachByPicker(zh.page, [{ name: 'gown.png', mimeType: 'image/png', buffer: pic }], 'thread-composer');
    await uploadsDone(zh.page, 1, 'thread-composer');
    expect(await a.page.getByTestId('composer').getByTestId('tray-item').count()).toBe(0);
    await send(zh.page, '我们的隔离衣', 'thread-composer');
    await message(a.page, 'Our donning protocol').getByTestId('thread-summary').click();
    const reply = a.page.getByTestId('thread-replies').locator('[data-testid=message]', { hasText: '我们的隔离衣' });
    await hasCount(reply.getByTestId('attachment-thumb'), 1);
    await a.page.getByTestId('thread-close').click();
    expect(zh.errors).toEqual([]);
    await zh.context.close();
  });
});
