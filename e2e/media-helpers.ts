import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestServer } from '../packages/server/src/test/server';
import { hasCount } from './helpers';

export type Where = 'composer' | 'thread-composer';
export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

/** A picture drawn in the page (a canvas filled with one colour, with an optional darker square), as bytes. */
export async function makePicture(
  page: Page,
  opts: { width: number; height: number; color: string; type?: 'image/png' | 'image/jpeg'; mark?: string },
): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ width, height, color, type, mark }) => {
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, width, height);
      if (mark) {
        ctx.fillStyle = mark;
        ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
      }
      const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), type, 0.95));
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    { ...opts, type: opts.type ?? 'image/png', mark: opts.mark ?? '' },
  );
  return Buffer.from(bytes);
}

/** A one-page PDF with a line of text, small enough to write by hand (poppler renders it). */
export function minimalPdf(text = 'Donning and doffing protocol'): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A JPEG with an EXIF orientation: an APP1 segment holding one IFD entry (0x0112, SHORT) inserted after the
 * start-of-image marker, as cameras write it.
 */
export function withOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4); // the first IFD follows the header
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14); // one value
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

/** Attaches files with the composer's picker (the hidden file input behind the clip button). */
export async function attachByPicker(page: Page, files: FilePayload[], where: Where = 'composer'): Promise<void> {
  await page.getByTestId(where).getByTestId('attach-input').setInputFiles(files);
}

/** Pastes a picture into the composer as the clipboard would: a File in a DataTransfer on a paste event. */
export async function pastePicture(
  page: Page,
  opts: { width: number; height: number; color: string; name?: string },
  where: Where = 'composer',
): Promise<void> {
  const input = page.getByTestId(where).getByTestId('composer-input');
  await input.evaluate(
    async (el, { width, height, color, name }) => {
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, width, height);
      const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: 'image/png' }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { ...opts, name: opts.name ?? 'image.png' },
  );
}

/** Waits until the composer's tray holds `count` items, all uploaded. */
export async function uploadsDone(page: Page, count: number, where: Where = 'composer'): Promise<void> {
  const tray = page.getByTestId(where).getByTestId('tray-item');
  await hasCount(tray, count);
  await hasCount(page.getByTestId(where).locator('[data-testid=tray-item][data-status=done]'), count, 20_000);
}

/** RGB of pixels of a picture fetched by the page (with its cookie), decoded in the page. */
export async function pixelsAt(
  page: Page,
  url: string,
  points: [number, number][],
): Promise<{ width: number; height: number; rgb: number[][] }> {
  return page.evaluate(
    async ({ url, points }) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
      const bitmap = await createImageBitmap(await res.blob());
      const c = document.createElement('canvas');
      c.width = bitmap.width;
      c.height = bitmap.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const rgb = points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]);
      return { width: bitmap.width, height: bitmap.height, rgb };
    },
    { url, points },
  );
}

export const isDark = (rgb: number[]): boolean => rgb.every((v) => v < 40);
export const isLight = (rgb: number[]): boolean => rgb.every((v) => v > 215);

/** Uploads a file to a room with a bearer token (test setup, no browser). */
export async function uploadApi(
  srv: TestServer,
  token: string,
  roomId: string,
  file: FilePayload,
): Promise<{ id: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
  const res = await fetch(`${srv.url}/api/v1/rooms/${roomId}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string };
}

/** Draws a box on the redaction canvas with the mouse, from one fraction of the picture to another. */
export async function drawBox(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = await page.getByTestId('redact-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]), { steps: 4 });
  await page.mouse.move(...at(to), { steps: 4 });
  await page.mouse.up();
}
