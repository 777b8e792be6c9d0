import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Attachment, findIdentifiers, Limits, type MediaVariant, type Upload } from '@rounds/protocol';
import type { Actor, Deps } from '../../context';
import type { MediaRow } from '../../db/schema';
import { AppError } from '../../errors';
import { newId } from '../../ids';
import { accessRoom, requireMember } from '../../policies/access';
import type { Processed } from './process';
import { detectType, sanitizeName } from './sniff';
import * as store from './store';

const iso = (ms: number) => new Date(ms).toISOString();
const MAX_PENDING = 50;

const keyOf = (id: string, variant: MediaVariant) => `${id}-${variant}`;

/** The one mapper of an upload for its uploader. */
function toUpload(row: MediaRow): Upload {
  return {
    id: row.id,
    roomId: row.room_id,
    kind: row.kind as Upload['kind'],
    mime: row.mime,
    name: row.name,
    size: Number(row.size),
    width: row.width,
    height: row.height,
    variants: JSON.parse(row.variants) as MediaVariant[],
    identifierWarnings: JSON.parse(row.identifier_warnings) as string[],
    createdAt: iso(Number(row.created_at)),
  };
}

/** An upload as a message carries it. */
export function toAttachment(row: MediaRow, caption: string): Attachment {
  const { roomId: _r, createdAt: _c, identifierWarnings: _w, ...rest } = toUpload(row);
  return { ...rest, caption };
}

export type IncomingFile = { stream: Readable; filename: string; truncated: () => boolean };

/**
 * Stores one picture or file for a room: streamed to a temporary file with the size limit enforced while
 * streaming, typed by content, pictures re-encoded without metadata. Throws room_not_found, not_a_member,
 * rate_limited, payload_too_large, upload_empty, upload_type_not_allowed, upload_content_mismatch,
 * image_too_large, image_unreadable.
 */
export async function uploadMedia(deps: Deps, actor: Actor, roomId: string, file: IncomingFile): Promise<Upload> {
  await requireMember(deps.db, actor, roomId);
  const take = await deps.limiter.take(`upload:${actor.userId}`, 0.5, 30);
  if (!take.ok || (await store.countPendingByUploader(deps.db, actor.userId)) >= MAX_PENDING) {
    file.stream.resume();
    throw new AppError('rate_limited', 'Too many uploads; wait a little.', {
      retryAfterMs: take.ok ? 60_000 : take.retryAfterMs,
    });
  }
  const tmpDir = uploadTmpDir(deps);
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, newId());
  try {
    await pipeline(file.stream, fs.createWriteStream(tmp));
    if (file.truncated()) {
      throw new AppError(
        'payload_too_large',
        `Files are limited to ${Math.round(deps.config.uploadMaxBytes / 1048576)} MB.`,
      );
    }
    const head = Buffer.alloc(4100);
    const fd = await fs.promises.open(tmp, 'r');
    const { bytesRead } = await fd.read(head, 0, head.length, 0);
    await fd.close();
    const name = sanitizeName(file.filename);
    const type = detectType(head.subarray(0, bytesRead), name);
    let processed: Processed;
    if (type.kind === 'image') {
      processed = await deps.images.image(tmp);
    } else {
      const body = await fs.promises.readFile(tmp);
      const previews = type.mime === 'application/pdf' ? await deps.images.pdfPreviews(tmp) : {};
      processed = {
        width: null,
        height: null,
        mime: type.mime,
        variants: { full: { body, mime: type.mime }, ...previews },
      };
    }
    const id = newId();
    const variants = Object.keys(processed.variants) as MediaVariant[];
    const finalName = type.kind === 'image' ? renameForType(name, processed.mime) : name;
    const row: MediaRow = {
      id,
      room_id: roomId,
      uploader_id: actor.userId,
      message_id: null,
      kind: type.kind,
      mime: processed.mime,
      name: finalName,
      size: processed.variants.full?.body.length ?? 0,
      width: processed.width,
      height: processed.height,
      variants: JSON.stringify(variants),
      identifier_warnings: JSON.stringify(nameWarnings(finalName)),
      created_at: Date.now(),
      attached_at: null,
    };
    try {
      // allSettled: a failed variant must not leave another still being written after the clean-up below.
      const puts = await Promise.allSettled(
        variants.map((v) => {
          const r = processed.variants[v];
          return r ? deps.media.put(keyOf(id, v), r.body, r.mime) : undefined;
        }),
      );
      const failed = puts.find((p): p is PromiseRejectedResult => p.status === 'rejected');
      if (failed) throw failed.reason;
      await store.insertMedia(deps.db, row);
    } catch (err) {
      // No row points at the variants already written (a full disk fails some): remove them now.
      await deps.media.delete(variants.map((v) => keyOf(id, v))).catch(() => undefined);
      throw err;
    }
    return toUpload(row);
  } finally {
    await fs.promises.rm(tmp, { force: true });
  }
}

/** Identifier kinds in a file name, read as it is and with separators as spaces ("john_smith_dob_1962"). */
function nameWarnings(name: string): string[] {
  const stem = name.replace(/\.[^.]*$/, '');
  const kinds = [...findIdentifiers(stem), ...findIdentifiers(stem.replace(/[._-]+/g, ' '))].map((m) => m.kind);
  return [...new Set(kinds)].sort();
}

/** Re-encoded pictures get the extension of what they now are. */
function renameForType(name: string, mime: string): string {
  const stem = name.replace(/\.[^.]*$/, '') || 'picture';
  return `${stem}.${mime === 'image/png' ? 'png' : 'jpg'}`;
}

/**
 * Authorizes a download: members of the room whose message holds the file, or its uploader before it is
 * attached. Anyone else gets media_not_found, whether it exists or not. Throws media_not_found.
 */
export async function openMedia(
  deps: Deps,
  actor: Actor,
  mediaId: string,
  variant: MediaVariant,
): Promise<{ row: MediaRow; key: string; mime: string; size: number }> {
  const row = await store.findMedia(deps.db, mediaId);
  const missing = () => new AppError('media_not_found', 'No such file.');
  if (!row || !(JSON.parse(row.variants) as string[]).includes(variant)) throw missing();
  if (row.message_id === null) {
    if (row.uploader_id !== actor.userId) throw missing();
  } else {
    const { role } = await accessRoom(deps.db, actor, row.room_id).catch(() => ({ role: null }));
    if (!role) throw missing();
  }
  const key = keyOf(row.id, variant);
  const size = await deps.media.size(key);
  if (size === undefined) throw missing();
  const mime = variant === 'full' || row.kind === 'image' ? row.mime : 'image/jpeg';
  return { row, key, mime, size };
}

/** Metadata of one upload, under the same rule as downloads. Throws media_not_found. */
export async function getUpload(deps: Deps, actor: Actor, mediaId: string): Promise<Upload> {
  const { row } = await openMedia(deps, actor, mediaId, 'full');
  return toUpload(row);
}

async function discard(deps: Deps, rows: MediaRow[]): Promise<void> {
  if (rows.length === 0) return;
  await deps.media.delete(rows.flatMap((r) => (JSON.parse(r.variants) as MediaVariant[]).map((v) => keyOf(r.id, v))));
  await store.deleteMedia(
    deps.db,
    rows.map((r) => r.id),
  );
}

/** Discards an upload before any message takes it; only its uploader may. Throws media_not_found. */
export async function deleteUpload(deps: Deps, actor: Actor, mediaId: string): Promise<void> {
  const row = await store.findMedia(deps.db, mediaId);
  if (!row || row.uploader_id !== actor.userId || row.message_id !== null) {
    throw new AppError('media_not_found', 'No such upload waiting to be sent.');
  }
  await discard(deps, [row]);
}

/** Deletes the files of a deleted message. */
export async function discardForMessage(deps: Deps, messageId: string): Promise<void> {
  await discard(deps, await store.findMediaOfMessage(deps.db, messageId));
}

/** Deletes uploads that no message took within Limits.orphanUploadMinutes; returns how many. */
export async function sweepOrphans(deps: Deps, now = Date.now()): Promise<number> {
  const rows = await store.findOrphans(deps.db, now - Limits.orphanUploadMinutes * 60_000, 500);
  await discard(deps, rows);
  return rows.length;
}

/** Where uploads stream before they are checked: in the data folder, so each server has its own. */
function uploadTmpDir(deps: Deps): string {
  return path.join(deps.config.dataDir, 'tmp-uploads');
}

/** Also clears temporary files of uploads that were cut off mid-stream by a crash. */
export async function sweepTemporaryFiles(deps: Deps, now = Date.now()): Promise<void> {
  const dir = uploadTmpDir(deps);
  const entries = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const e of entries) {
    const file = path.join(dir, e);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && stat.mtimeMs < now - 3_600_000) await fs.promises.rm(file, { force: true });
  }
}
