import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { type Client, hasCount, hasText, launch, message, roomForTwo, send, startApp } from './helpers';
import { attachByPicker, uploadsDone } from './media-helpers';

/** The upload flow: progress on a slow uplink, Send waiting for the uploads, and files dropped on the room. */
describe('upload flow', () => {
  let srv: TestServer;
  let browser: Browser;
  let a: Client;
  let b: Client;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    ({ a, b } = await roomForTwo(srv, browser, 'Ward pictures'));
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('shows upload progress; a message sent meanwhile waits for its uploads; files can be dropped', async () => {
    // A slow uplink, so the upload is still running when Send is pressed.
    const cdp = await a.context.newCDPSession(a.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 250 * 1024,
    });
    const noise = await a.page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 420;
      c.height = 420;
      const ctx = c.getContext('2d')!;
      const img = ctx.createImageData(420, 420);
      for (let i = 0; i < img.data.length; i++) img.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
      ctx.putImageData(img, 0, 0);
      const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await attachByPicker(a.page, [{ name: 'noise.png', mimeType: 'image/png', buffer: Buffer.from(noise) }]);
    await a.page.getByTestId('composer').locator('progress').waitFor();
    await send(a.page, 'Sent while uploading');
    await a.page.getByTestId('waiting-uploads').waitFor();
    expect(await message(b.page, 'Sent while uploading').count()).toBe(0);
    await hasCount(message(b.page, 'Sent while uploading').getByTestId('attachment-thumb'), 1, 30_000);
    await hasCount(a.page.getByTestId('waiting-uploads'), 0);
    expect(await a.page.getByTestId('composer').getByTestId('composer-input').inputValue()).toBe('');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();

    // Drag and drop onto the room.
    await a.page
      .getByTestId('room-view')
      .locator('.room-main')
      .evaluate(async (el) => {
        const c = document.createElement('canvas');
        c.width = 120;
        c.height = 90;
        c.getContext('2d')!.fillRect(0, 0, 120, 90);
        const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
        const data = new DataTransfer();
        data.items.add(new File([blob], 'dropped.png', { type: 'image/png' }));
        el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
        (window as unknown as { dropData: DataTransfer }).dropData = data;
      });
    await a.page.getByTestId('drop-hint').waitFor();
    await a.page
      .getByTestId('room-view')
      .locator('.room-main')
      .evaluate((el) => {
        const data = (window as unknown as { dropData: DataTransfer }).dropData;
        el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      });
    await hasCount(a.page.getByTestId('drop-hint'), 0);
    await uploadsDone(a.page, 1);
    await hasText(a.page.getByTestId('tray-name'), 'dropped.png');
    await a.page.getByTestId('upload-remove').click();
    expect(a.errors).toEqual([]);
  });
});
