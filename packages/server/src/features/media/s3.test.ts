import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Upload } from '@rounds/protocol';
import S3rver from 's3rver';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { api } from '../../test/client';
import { roomWithMembers } from '../../test/fixtures';
import { startTestServer } from '../../test/server';
import { download, phoneJpeg, upload } from './fixtures';

/** s3rver: an S3-compatible server in Node, on loopback, with a bucket of its own. */
async function startS3(): Promise<{ endpoint: string; dir: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'rounds-media' }],
  });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, dir, close: () => server.close() };
}

describe('media on an S3-compatible store', () => {
  it('stores renditions in the bucket, serves them with ranges, and deletes them with the message', async () => {
    const s3 = await startS3();
    try {
      await using srv = await startTestServer({
        env: {
          ROUNDS_S3_BUCKET: 'rounds-media',
          ROUNDS_S3_ENDPOINT: s3.endpoint,
          ROUNDS_S3_ACCESS_KEY_ID: 'S3RVER',
          ROUNDS_S3_SECRET_ACCESS_KEY: 'S3RVER',
        },
      });
      const { roomId, owner } = await roomWithMembers(srv, 0);
      const up = Upload.parse((await upload(srv.url, roomId, owner.token, await phoneJpeg(), 'cart.jpg')).body);
      expect(fs.existsSync(path.join(srv.dataDir, 'media'))).toBe(false);
      // s3rver keeps each object as files named after its key: the bucket holds our three renditions.
      const stored = fs.readdirSync(path.join(s3.dir, 'rounds-media'), { recursive: true }).map(String);
      for (const v of ['full', 'medium', 'thumb']) expect(stored.some((f) => f.includes(`${up.id}-${v}`))).toBe(true);
      const full = await download(srv.url, `/media/${up.id}/full`, owner.token);
      expect(full.status).toBe(200);
      expect((await sharp(full.body).metadata()).exif).toBeUndefined();
      const part = await download(srv.url, `/media/${up.id}/full`, owner.token, { range: 'bytes=10-19' });
      expect([part.status, part.body.equals(full.body.subarray(10, 20))]).toEqual([206, true]);
      const sent = await api(
        srv.url,
        'POST',
        `/rooms/${roomId}/messages`,
        { clientMsgId: 's3', body: 'x', attachments: [{ uploadId: up.id }] },
        owner.token,
      );
      await api(srv.url, 'DELETE', `/rooms/${roomId}/messages/${sent.body.message.id}`, undefined, owner.token);
      expect((await download(srv.url, `/media/${up.id}/full`, owner.token)).status).toBe(404);
    } finally {
      await s3.close();
      fs.rmSync(s3.dir, { recursive: true, force: true });
    }
  });
});
