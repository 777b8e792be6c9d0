import fs from 'node:fs';
import path from 'node:path';
import { MessageCreated, Upload } from '@rounds/protocol';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { api, registerUser } from '../../test/client';
import { connectAll, roomWithMembers } from '../../test/fixtures';
import { startTestServer } from '../../test/server';
import {
  download,
  heicBomb,
  phoneJpeg,
  plainPng,
  pngBomb,
  sidewaysHeic,
  tinyPdf,
  twoHalvesHeic,
  upload,
} from './fixtures';
import { sweepOrphans } from './service';

describe('pictures and files', () => {
  it('strips every piece of metadata from a phone photo, applies its orientation and makes thumbnails', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const original = await phoneJpeg();
    const before = await sharp(original).metadata();
    expect([before.orientation, before.width, before.height, original.includes('PhoneMaker')]).toEqual([
      6,
      400,
      200,
      true,
    ]);

    const res = await upload(srv.url, roomId, owner.token, original, 'IMG_0042.JPG', 'image/jpeg');
    expect(res.status).toBe(201);
    const up = Upload.parse(res.body);
    expect([up.kind, up.mime, up.width, up.height, up.variants]).toEqual([
      'image',
      'image/jpeg',
      200,
      400,
      ['full', 'medium', 'thumb'],
    ]);

    const [a, b] = await connectAll(srv, [owner, members[0]!]);
    await a!.call({
      type: 'message.send',
      roomId,
      clientMsgId: 'p1',
      body: 'Our UV cart',
      attachments: [{ uploadId: up.id, caption: 'UV-C cart, 2 min per side' }],
    });
    const seen = MessageCreated.parse(await b!.waitFor((f) => f.type === 'message.created'));
    expect(seen.message.attachments).toEqual([
      expect.objectContaining({ id: up.id, caption: 'UV-C cart, 2 min per side', kind: 'image' }),
    ]);

    const full = await download(srv.url, `/media/${up.id}/full`, members[0]!.token);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/jpeg');
    expect(full.headers.get('x-content-type-options')).toBe('nosniff');
    expect(full.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''IMG_0042\.jpg$/);
    const after = await sharp(full.body).metadata();
    expect([after.exif, after.icc, after.xmp, after.iptc, after.orientation, after.comments]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([after.width, after.height]).toEqual([200, 400]);
    for (const secret of ['PhoneMaker', 'Pocket 12', 'Zhang Wei', 'Exif'])
      expect(full.body.includes(secret)).toBe(false);
    // The red half was on the left before the 90° turn, so it is on top now.
    const { data } = await sharp(full.body).resize(1, 2, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]! > 150 && data[2]! < 100).toBe(true);

    const thumb = await download(srv.url, `/media/${up.id}/thumb`, members[0]!.token);
    const tm = await sharp(thumb.body).metadata();
    expect(Math.max(tm.width!, tm.height!)).toBeLessThanOrEqual(320);
    expect((await download(srv.url, `/media/${up.id}/medium`, members[0]!.token)).status).toBe(200);

    const part = await download(srv.url, `/media/${up.id}/full`, members[0]!.token, { range: 'bytes=0-99' });
    expect([part.status, part.body.length, part.headers.get('content-range')]).toEqual([
      206,
      100,
      `bytes 0-99/${full.body.length}`,
    ]);
    const bad = await download(srv.url, `/media/${up.id}/full`, members[0]!.token, { range: 'bytes=999999-' });
    expect(bad.status).toBe(416);
  });

  it('keeps PNG transparency and serves PDFs as attachments with a first-page preview when poppler is installed', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const png = Upload.parse((await upload(srv.url, roomId, owner.token, await plainPng(), 'chart.png')).body);
    expect(png.mime).toBe('image/png');
    const pdf = await upload(srv.url, roomId, owner.token, tinyPdf(), 'Ward protocol.pdf');
    expect(pdf.status).toBe(201);
    const doc = Upload.parse(pdf.body);
    expect([doc.kind, doc.mime, doc.name]).toEqual(['file', 'application/pdf', 'Ward protocol.pdf']);
    const got = await download(srv.url, `/media/${doc.id}/full`, owner.token);
    expect(got.body.equals(tinyPdf())).toBe(true);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    const hasPoppler = fs.existsSync('/usr/bin/pdftoppm');
    expect(doc.variants.includes('thumb')).toBe(hasPoppler);
  });

  it('refuses lying, dangerous, broken, empty and oversized files with typed errors', async () => {
    await using srv = await startTestServer({ env: { ROUNDS_UPLOAD_MAX_MB: '0.1' } });
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const jpeg = await phoneJpeg();
    const cases: [Buffer, string, number, string][] = [
      [await plainPng(), 'photo.jpg', 415, 'upload_content_mismatch'],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'x.svg',
        415,
        'upload_type_not_allowed',
      ],
      [
        Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
        'report.pdf',
        415,
        'upload_type_not_allowed',
      ],
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'setup.pdf', 415, 'upload_type_not_allowed'],
      [Buffer.alloc(0), 'empty.jpg', 422, 'upload_empty'],
      [jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg', 422, 'image_unreadable'],
      [await pngBomb(), 'bomb.png', 422, 'image_too_large'],
      [Buffer.alloc(200_000, 'a'), 'big.txt', 413, 'payload_too_large'],
    ];
    for (const [body, name, status, code] of cases) {
      const res = await upload(srv.url, roomId, owner.token, body, name);
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({ name, status, code });
    }
    expect(fs.readdirSync(path.join(srv.dataDir, 'tmp-uploads'))).toEqual([]);
    const notMultipart = await api(srv.url, 'POST', `/rooms/${roomId}/uploads`, { file: 'x' }, owner.token);
    expect(notMultipart.body.error.code).toBe('validation_failed');
  });

  it('decodes iPhone HEIC (HEVC) pictures upright and without their metadata; refuses HEIC bombs and broken ones', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const original = twoHalvesHeic();
    const before = await sharp(original).metadata();
    expect([before.format, before.compression, before.width, before.height, original.includes('PhoneMaker')]).toEqual([
      'heif',
      'hevc',
      64,
      48,
      true,
    ]);
    /** Each half's mean colour, along the long side: [[r, g, b], [r, g, b]]. */
    const halves = async (jpeg: Buffer) => {
      const { width, height } = await sharp(jpeg).metadata();
      const { data } = await sharp(jpeg)
        .resize(width! > height! ? 2 : 1, width! > height! ? 1 : 2, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [[...data.subarray(0, 3)], [...data.subarray(3, 6)]];
    };
    const red = ([r, g, b]: number[]) => r! > 150 && g! < 100 && b! < 100;
    const blue = ([r, g, b]: number[]) => b! > 150 && r! < 100 && g! < 100;

    const res = await upload(srv.url, roomId, owner.token, original, 'IMG_0001.HEIC', 'image/heic');
    expect(res.status).toBe(201);
    const up = Upload.parse(res.body);
    expect([up.kind, up.mime, up.name, up.width, up.height, up.variants]).toEqual([
      'image',
      'image/jpeg',
      'IMG_0001.jpg',
      64,
      48,
      ['full', 'medium', 'thumb'],
    ]);
    for (const variant of ['full', 'thumb'] as const) {
      const got = await download(srv.url, `/media/${up.id}/${variant}`, owner.token);
      expect([got.status, got.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      const m = await sharp(got.body).metadata();
      expect([m.format, m.width, m.height, m.exif, m.icc, m.xmp, m.iptc, m.orientation]).toEqual([
        'jpeg',
        64,
        48,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      for (const secret of ['PhoneMaker', 'Pocket 12', 'Zhang Wei', 'Exif'])
        expect(got.body.includes(secret)).toBe(false);
      const [left, right] = await halves(got.body);
      expect({ variant, left: red(left!), right: blue(right!) }).toEqual({ variant, left: true, right: true });
    }

    // Taken with the phone on its side: the container's irot turns it, so it is stored upright (48×64).
    const side = Upload.parse((await upload(srv.url, roomId, owner.token, sidewaysHeic(), 'IMG_0002.HEIC')).body);
    expect([side.mime, side.width, side.height]).toEqual(['image/jpeg', 48, 64]);
    const [top, bottom] = await halves((await download(srv.url, `/media/${side.id}/full`, owner.token)).body);
    expect([blue(top!), red(bottom!)]).toEqual([true, true]);

    // The header's size is checked before anything is decoded (image bombs); a cut file is unreadable.
    const bomb = await upload(srv.url, roomId, owner.token, heicBomb(), 'IMG_0003.HEIC');
    expect([bomb.status, bomb.body.error?.code, bomb.body.error?.details]).toEqual([
      422,
      'image_too_large',
      { width: 30_000, height: 30_000 },
    ]);
    const cut = await upload(srv.url, roomId, owner.token, original.subarray(0, 700), 'IMG_0004.HEIC');
    expect([cut.status, cut.body.error?.code]).toEqual([422, 'image_unreadable']);
    expect((await upload(srv.url, roomId, owner.token, original, 'IMG_0005.HEIC')).status).toBe(201);

    // AVIF (AV1 in the same container) still goes through sharp, also under the generic major brand mif1.
    const avif = await sharp(await phoneJpeg())
      .avif()
      .toBuffer();
    const mif1 = Buffer.from(avif);
    mif1.write('mif1', 8, 'latin1');
    for (const [body, name] of [
      [avif, 'photo.avif'],
      [mif1, 'generic.avif'],
    ] as const) {
      const got = await upload(srv.url, roomId, owner.token, body, name);
      expect({ name, status: got.status, mime: got.body.mime }).toEqual({ name, status: 201, mime: 'image/jpeg' });
    }
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    expect(fs.readdirSync(path.join(srv.dataDir, 'tmp-uploads'))).toEqual([]);
  });

  it('names files safely and only lets the room see them', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const outsider = await registerUser(srv.url);
    const up = Upload.parse((await upload(srv.url, roomId, owner.token, tinyPdf(), '../../etc/passwd.pdf')).body);
    expect(up.name).toBe('passwd.pdf');
    expect((await download(srv.url, `/media/${up.id}/full`, members[0]!.token)).status).toBe(404);
    await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { clientMsgId: 'f', body: '', attachments: [{ uploadId: up.id }] },
      owner.token,
    );
    expect((await download(srv.url, `/media/${up.id}/full`, members[0]!.token)).status).toBe(200);
    const denied = await download(srv.url, `/media/${up.id}/full`, outsider.token);
    expect(denied.status).toBe(404);
    expect(JSON.parse(denied.body.toString()).error.code).toBe('media_not_found');
    expect((await download(srv.url, `/media/${up.id}/full`, 'nope-nope-nope-nope-nope')).status).toBe(401);
    const stranger = await upload(srv.url, roomId, outsider.token, tinyPdf(), 'x.pdf');
    expect(stranger.body.error.code).toBe('not_a_member');
  });

  it('checks attachments on send: own, unused, in this room, at most ten', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const mine = Upload.parse((await upload(srv.url, roomId, owner.token, tinyPdf(), 'a.pdf')).body);
    const send = (token: string, attachments: unknown[], id: string, body = 'see attached') =>
      api(srv.url, 'POST', `/rooms/${roomId}/messages`, { clientMsgId: id, body, attachments }, token);
    expect((await send(members[0]!.token, [{ uploadId: mine.id }], 'steal')).body.error.code).toBe('upload_not_found');
    const tooMany = Array.from({ length: 11 }, () => ({ uploadId: mine.id }));
    expect((await send(owner.token, tooMany, 'many')).body.error.code).toBe('too_many_attachments');
    expect((await send(owner.token, [], 'empty', '   ')).body.error.code).toBe('validation_failed');
    expect((await send(owner.token, [{ uploadId: mine.id }], 'ok')).status).toBe(201);
    expect((await send(owner.token, [{ uploadId: mine.id }], 'again')).body.error.code).toBe('upload_not_found');
  });

  it('deletes the files of a deleted message, and uploads no message took after an hour', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const kept = Upload.parse((await upload(srv.url, roomId, owner.token, await plainPng(), 'a.png')).body);
    const sent = await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { clientMsgId: 'd', body: 'x', attachments: [{ uploadId: kept.id }] },
      owner.token,
    );
    await api(srv.url, 'DELETE', `/rooms/${roomId}/messages/${sent.body.message.id}`, undefined, owner.token);
    expect((await download(srv.url, `/media/${kept.id}/full`, owner.token)).status).toBe(404);

    const orphan = Upload.parse((await upload(srv.url, roomId, owner.token, await plainPng(), 'b.png')).body);
    const mediaDir = path.join(srv.dataDir, 'media');
    const files = () => fs.readdirSync(mediaDir, { recursive: true }).filter((f) => String(f).includes(orphan.id));
    expect(files()).toHaveLength(3);
    expect(await sweepOrphans(srv.rounds.deps)).toBe(0);
    expect(await sweepOrphans(srv.rounds.deps, Date.now() + 61 * 60_000)).toBe(1);
    expect(files()).toHaveLength(0);
    expect((await download(srv.url, `/media/${orphan.id}/full`, owner.token)).status).toBe(404);
  });
});

describe('identifier warnings on file names', () => {
  it('flags a file name that carries a patient identifier, read raw and with separators as spaces', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const named = Upload.parse(
      (await upload(srv.url, roomId, owner.token, tinyPdf(), 'discharge_MRN_12345678.pdf')).body,
    );
    expect(named.identifierWarnings).toContain('medical_record_number');
    const plain = Upload.parse((await upload(srv.url, roomId, owner.token, tinyPdf(), 'ventilator-settings.pdf')).body);
    expect(plain.identifierWarnings).toEqual([]);
  });
});

describe('uploads before sending', () => {
  it('lets the uploader discard an unsent upload, nobody else, and not once it is sent', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const a = Upload.parse((await upload(srv.url, roomId, owner.token, await plainPng(), 'a.png')).body);
    const b = Upload.parse((await upload(srv.url, roomId, owner.token, tinyPdf(), 'patient_MRN_12345678.pdf')).body);
    expect((await api(srv.url, 'DELETE', `/media/${a.id}`, undefined, members[0]!.token)).status).toBe(404);
    expect((await api(srv.url, 'DELETE', `/media/${a.id}`, undefined, owner.token)).status).toBe(204);
    expect((await download(srv.url, `/media/${a.id}/full`, owner.token)).status).toBe(404);
    const sent = await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { clientMsgId: 'x', body: 'discharge summary', attachments: [{ uploadId: b.id }] },
      owner.token,
    );
    expect(sent.body.message.privacyFlags).toEqual(['medical_record_number']);
    expect((await api(srv.url, 'DELETE', `/media/${b.id}`, undefined, owner.token)).status).toBe(404);
  });
});

describe('the picture worker', () => {
  /** The nice value of a process, from /proc/<pid>/stat (field 19). */
  const niceOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);

  it('re-encodes in a child process of lower priority; a crash there fails only its jobs', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const images = srv.rounds.deps.images;
    expect((await upload(srv.url, roomId, owner.token, await phoneJpeg(), 'a.jpg')).status).toBe(201);
    const first = images.pid as number;
    expect(first).toBeGreaterThan(0);
    expect(first).not.toBe(process.pid);
    expect(niceOf(first)).toBe(10);
    expect(niceOf(first)).toBeGreaterThan(niceOf(process.pid));

    // A large picture keeps the child busy long enough to kill it mid-job.
    const big = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: '#888',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const pending = upload(srv.url, roomId, owner.token, big, 'big.jpg');
    const deadline = Date.now() + 20_000;
    while (images.running === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(images.running).toBe(1);
    process.kill(first, 'SIGKILL');
    const failed = await pending;
    expect([failed.status, failed.body.error?.code]).toEqual([422, 'image_unreadable']);

    // The server is fine and the next picture starts a new child.
    const again = await upload(srv.url, roomId, owner.token, await phoneJpeg(), 'b.jpg');
    expect(again.status).toBe(201);
    expect(images.pid).toBeGreaterThan(0);
    expect(images.pid).not.toBe(first);
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  });
});
