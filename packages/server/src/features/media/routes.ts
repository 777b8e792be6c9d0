import { contracts } from '@rounds/protocol';
import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import { route } from '../../http/route';
import * as media from './service';

const c = contracts.media;

/** Parses a single `bytes=a-b` range; undefined for none, null when unsatisfiable. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

/** Uploads (multipart) and authorized downloads with ranges. */
export const mediaRoutes: FastifyPluginAsync<{ deps: Deps }> = async (app, { deps }) => {
  route(app, c.upload, async ({ actor, params, req }) => {
    if (!req.isMultipart())
      throw new AppError('validation_failed', 'Send the file as multipart/form-data, field "file".');
    const part = await req.file({ limits: { fileSize: deps.config.uploadMaxBytes, files: 1 } });
    if (!part) throw new AppError('validation_failed', 'No file in the request.');
    return media.uploadMedia(deps, actor, params.roomId, {
      stream: part.file,
      filename: part.filename,
      truncated: () => part.file.truncated,
    });
  });

  route(app, c.get, async ({ actor, params }) => media.getUpload(deps, actor, params.mediaId));
  route(app, c.delete, async ({ actor, params }) => media.deleteUpload(deps, actor, params.mediaId));

  route(app, c.download, async ({ actor, params, req, reply }) => {
    const { row, key, mime, size } = await media.openMedia(deps, actor, params.mediaId, params.variant);
    const inline = params.variant !== 'full' || row.kind === 'image';
    const name = params.variant === 'full' ? row.name : `${row.name.replace(/\.[^.]*$/, '')}-${params.variant}.jpg`;
    reply
      .header('content-type', mime)
      .header(
        'content-disposition',
        `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('etag', `"${key}"`)
      .header('accept-ranges', 'bytes');
    if (req.headers['if-none-match'] === `"${key}"`) return reply.status(304).send();
    const range = parseRange(req.headers.range, size);
    if (range === null) return reply.status(416).header('content-range', `bytes */${size}`).send();
    if (range) {
      reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1);
      return reply.send(await deps.media.read(key, range));
    }
    reply.header('content-length', size);
    return reply.send(await deps.media.read(key));
  });
};
