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
  shot,
  signUpApi,
  startApp,
  userSpec,
} from './helpers';
import {
  attachByPicker,
  drawBox,
  isDark,
  isLight,
  makePicture,
  pixelsAt,
  uploadsDone,
  withOrientation,
} from './media-helpers';

/** Patient privacy before posting: identifier warnings with Redact, flagged messages, pictures redacted in pixels. */
describe('patient privacy', () => {
  let srv: TestServer;
  let browser: Browser;
  let a: Client;
  let b: Client;
  let roomId: string;

  beforeAll(async () => {
    srv = await startApp();
    browser = await launch();
    ({ a, b, roomId } = await roomForTwo(srv, browser, 'Case review'));
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.[Symbol.asyncDispose]();
  });

  it('warns about identifiers while typing; Redact replaces them before the message is sent', async () => {
    const input = a.page.getByTestId('composer').getByTestId('composer-input');
    await input.fill('Patient Zhang Wei, MRN 12345678, febrile');
    const warning = a.page.getByTestId('identifier-warning');
    await warning.waitFor();
    const findings = warning.getByTestId('identifier-finding');
    await hasCount(findings, 2);
    expect(await findings.allTextContents()).toEqual(['Zhang Wei name', '12345678 medical record number']);
    // Enter does not send while the warning stands.
    await input.press('Enter');
    await a.page.getByTestId('identifier-held').waitFor();
    expect(await input.inputValue()).toBe('Patient Zhang Wei, MRN 12345678, febrile');
    await warning.getByTestId('redact-identifiers').click();
    expect(await input.inputValue()).toBe('Patient [name], MRN [MRN], febrile');
    await hasCount(a.page.getByTestId('identifier-warning'), 0);
    await input.press('Enter');
    await message(b.page, 'Patient [name], MRN [MRN], febrile').waitFor();
    expect(await b.page.getByTestId('message-list').textContent()).not.toContain('Zhang Wei');
  });

  it('checks an edit as it checks a new message: saving waits for Redact', async () => {
    await send(a.page, 'Fever clinic update: two admissions tonight');
    const mine = message(a.page, 'two admissions tonight');
    await mine.hover();
    await mine.getByTestId('edit-button').click();
    const edit = a.page.getByTestId('edit-input');
    await edit.fill('Fever clinic update: Patient Li Na, bed 12, admitted tonight');
    // The message shows the editor now (its text is in the textarea): look the warning up on the page.
    const warning = a.page.getByTestId('identifier-warning');
    await warning.waitFor();
    expect(await warning.getByTestId('identifier-finding').count()).toBeGreaterThan(0);
    await edit.press('Enter');
    await a.page.getByTestId('identifier-held').waitFor();
    await shot(a.page, 'edit-identifier-warning');
    expect(await edit.inputValue()).toContain('Li Na');
    await warning.getByTestId('redact-identifiers').click();
    expect(await edit.inputValue()).not.toContain('Li Na');
    await edit.press('Enter');
    await message(b.page, 'admitted tonight').getByTestId('edited-marker').waitFor();
    expect(await message(b.page, 'admitted tonight').textContent()).not.toContain('Li Na');
  });

  it('warns in Chinese and redacts Chinese names and record numbers', async () => {
    const zh = await newClient(browser, { locale: 'zh-CN' });
    const carol = await signUpApi(zh, srv, userSpec('Carol Wu'));
    await apiCall(srv, carol.token, 'POST', `/rooms/${roomId}/join`);
    await zh.page.goto(`${srv.url}/rooms/${roomId}`);
    const input = zh.page.getByTestId('composer').getByTestId('composer-input');
    await input.fill('患者张伟，住院号：123456，发热三天');
    const warning = zh.page.getByTestId('identifier-warning');
    await hasText(warning, '可能包含患者身份信息');
    expect(await warning.getByTestId('identifier-finding').allTextContents()).toEqual([
      '张伟 姓名',
      '123456 病历号/住院号',
    ]);
    await warning.getByTestId('redact-identifiers').click();
    expect(await input.inputValue()).toBe('患者[name]，住院号：[MRN]，发热三天');
    await input.press('Enter');
    await message(b.page, '患者[name]，住院号：[MRN]，发热三天').waitFor();
    expect(await b.page.getByTestId('message-list').textContent()).not.toContain('张伟');
    await zh.context.close();
  });

  it('Send anyway posts as written; owners see the server flag, other members do not', async () => {
    const input = b.page.getByTestId('composer').getByTestId('composer-input');
    await input.fill('Mr Smith in bed 12 is febrile again');
    await b.page.getByTestId('identifier-warning').waitFor();
    await b.page.getByTestId('send-anyway').click();
    await message(a.page, 'Mr Smith in bed 12').waitFor();
    await hasText(message(a.page, 'Mr Smith in bed 12').getByTestId('privacy-flag'), 'Possible patient identifier');
    await message(b.page, 'Mr Smith in bed 12').waitFor();
    expect(await message(b.page, 'Mr Smith in bed 12').getByTestId('privacy-flag').count()).toBe(0);
    expect(await input.inputValue()).toBe('');
    // The next draft needs its own decision.
    await input.fill('Mr Smith in bed 12 is better');
    await input.press('Enter');
    await b.page.getByTestId('identifier-held').waitFor();
    await b.page.getByTestId('redact-identifiers').click();
    await input.press('Enter');
    await message(a.page, 'Mr [name] in [bed] is better').waitFor();
  });

  it('checks captions and file names too; Redact renames the file before it is sent', async () => {
    await attachByPicker(a.page, [
      { name: 'Patient_Zhang_Wei_MRN_87654321.txt', mimeType: 'text/plain', buffer: Buffer.from('Day 3: afebrile') },
    ]);
    await uploadsDone(a.page, 1);
    await a.page.getByTestId('caption-input').fill('Notes on Mr Smith in bed 4');
    const warning = a.page.getByTestId('identifier-warning');
    await hasText(warning, 'in a file name');
    await hasText(warning, 'in a caption');
    await warning.getByTestId('redact-identifiers').click();
    await hasText(a.page.getByTestId('tray-name'), 'Patient_[name]_MRN_[MRN].txt');
    expect(await a.page.getByTestId('caption-input').inputValue()).toBe('Notes on Mr [name] in [bed]');
    await uploadsDone(a.page, 1);
    await send(a.page, 'Daily notes');
    const chip = message(b.page, 'Daily notes').getByTestId('file-chip');
    await hasText(chip, 'Patient_[name]_MRN_[MRN].txt');
    await hasText(chip, 'Notes on Mr [name] in [bed]');
  });

  it('burns boxes drawn in the editor into the uploaded pixels', async () => {
    const white = await makePicture(a.page, { width: 400, height: 300, color: '#ffffff' });
    await attachByPicker(a.page, [{ name: 'wristband.png', mimeType: 'image/png', buffer: white }]);
    await uploadsDone(a.page, 1);
    await a.page.getByTestId('redact-picture').click();
    await a.page.getByTestId('redact-canvas').waitFor();
    // Over the left half, starting a little outside the picture (clamped to its edge).
    await drawBox(a.page, [0.001, 0.001], [0.5, 1.05]);
    await hasText(a.page.getByTestId('redact-count'), '1 box');
    await drawBox(a.page, [0.7, 0.1], [0.8, 0.2]);
    await a.page.getByTestId('redact-undo').click();
    await hasText(a.page.getByTestId('redact-count'), '1 box');
    await a.page.getByTestId('redact-apply').click();
    await hasCount(a.page.getByTestId('redact-editor'), 0);
    await a.page.getByTestId('redacted-badge').waitFor();
    await uploadsDone(a.page, 1);
    await send(a.page, 'Redacted wristband');

    const thumb = message(b.page, 'Redacted wristband').getByTestId('attachment-thumb');
    const id = await thumb.getAttribute('data-media-id');
    const px = await pixelsAt(b.page, `/api/v1/media/${id}/full`, [
      [2, 2],
      [100, 150],
      [190, 290],
      [210, 10],
      [300, 150],
      [397, 297],
    ]);
    expect([px.width, px.height]).toEqual([400, 300]);
    expect(px.rgb.slice(0, 3).map(isDark)).toEqual([true, true, true]);
    expect(px.rgb.slice(3).map(isLight)).toEqual([true, true, true]);
  });

  it('a picture the browser cannot decode itself (no usable type, as HEIC) is redacted from the server rendition', async () => {
    const white = await makePicture(a.page, { width: 300, height: 300, color: '#ffffff' });
    await attachByPicker(a.page, [{ name: 'scan.heic.png', mimeType: 'application/octet-stream', buffer: white }]);
    await uploadsDone(a.page, 1);
    await a.page.getByTestId('redact-picture').click();
    await a.page.getByTestId('redact-canvas').waitFor();
    await drawBox(a.page, [0.5, 0], [1.05, 1.05]);
    await a.page.getByTestId('redact-apply').click();
    await a.page.getByTestId('redacted-badge').waitFor();
    await uploadsDone(a.page, 1);
    await send(a.page, 'Redacted from the server copy');
    const id = await message(b.page, 'Redacted from the server copy')
      .getByTestId('attachment-thumb')
      .getAttribute('data-media-id');
    const px = await pixelsAt(b.page, `/api/v1/media/${id}/full`, [
      [50, 150],
      [250, 150],
    ]);
    expect([isLight(px.rgb[0]!), isDark(px.rgb[1]!)]).toEqual([true, true]);
  });

  it('on a touch screen, boxes land where they were drawn on a picture rotated by its EXIF orientation', async () => {
    const phone = await newClient(browser, { viewport: { width: 390, height: 844 } });
    const dora = await signUpApi(phone, srv, userSpec('Dora Li'));
    await apiCall(srv, dora.token, 'POST', `/rooms/${roomId}/join`);
    await phone.page.goto(`${srv.url}/rooms/${roomId}`);
    // Stored 300×200 landscape, EXIF orientation 6: shown upright as 200×300 portrait.
    const landscape = await makePicture(phone.page, { width: 300, height: 200, color: '#ffffff', type: 'image/jpeg' });
    const jpeg = withOrientation(landscape, 6);
    await attachByPicker(phone.page, [{ name: 'monitor.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await uploadsDone(phone.page, 1);
    await phone.page.getByTestId('redact-picture').click();
    const canvas = phone.page.getByTestId('redact-canvas');
    await canvas.waitFor();
    expect(await canvas.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height])).toEqual([
      200, 300,
    ]);
    // A finger drags over the top half of the picture as shown.
    const box = (await canvas.boundingBox())!;
    const cdp = await phone.context.newCDPSession(phone.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x?: number, y?: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          x === undefined || y === undefined ? [] : [{ x: box.x + x * box.width, y: box.y + y * box.height }],
      });
    await touch('touchStart', 0.002, 0.002);
    await touch('touchMove', 0.5, 0.3);
    await touch('touchMove', 0.999, 0.5);
    await touch('touchEnd');
    await hasText(phone.page.getByTestId('redact-count'), '1 box');
    await phone.page.getByTestId('redact-apply').click();
    await phone.page.getByTestId('redacted-badge').waitFor();
    await uploadsDone(phone.page, 1);
    await send(phone.page, 'Monitor, redacted on a phone');

    const id = await message(a.page, 'Monitor, redacted on a phone')
      .getByTestId('attachment-thumb')
      .getAttribute('data-media-id');
    const px = await pixelsAt(a.page, `/api/v1/media/${id}/full`, [
      [5, 5],
      [195, 140],
      [5, 160],
      [195, 295],
    ]);
    expect([px.width, px.height]).toEqual([200, 300]);
    expect(px.rgb.map((p) => (isDark(p) ? 'black' : isLight(p) ? 'white' : 'grey'))).toEqual([
      'black',
      'black',
      'white',
      'white',
    ]);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
