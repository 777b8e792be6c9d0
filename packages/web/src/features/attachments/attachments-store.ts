import { ApiError } from '../../lib/api';
import { createStore } from '../../lib/store';
import { drawableInBrowser } from './file-types';
import {
  addFiles,
  captioned,
  failed,
  progressed,
  type Queue,
  type QueueItem,
  removed,
  replaced,
  retried,
  succeeded,
} from './upload-queue';
import { type UploadHandle, uploadFile } from './upload-request';

/**
 * Attachments of each unsent draft, by composer (`roomId:threadRootId`), kept while the user moves around
 * like the draft text. Uploads start as soon as a file is attached; the message is sent once they are done.
 */
export const attachmentsStore = createStore<Record<string, Queue>>({});

export const composerKey = (roomId: string, threadRootId: string | null): string => `${roomId}:${threadRootId ?? ''}`;
const roomOf = (key: string) => key.slice(0, key.indexOf(':'));

const inFlight = new Map<string, UploadHandle>();
const previews = new Map<string, { url: string; file: File }>();
let nextId = 1;

function update(key: string, fn: (q: Queue) => Queue): void {
  attachmentsStore.set((s) => {
    const next = fn(s[key] ?? []);
    if (next === s[key]) return s;
    const copy = { ...s };
    if (next.length) copy[key] = next;
    else delete copy[key];
    return copy;
  });
}

const itemOf = (key: string, id: string) => attachmentsStore.get()[key]?.find((i) => i.id === id);

function start(key: string, item: QueueItem): void {
  inFlight.get(item.id)?.abort();
  const { id, attempt } = item;
  const handle = uploadFile(roomOf(key), item.file, item.file.name, (loaded, total) =>
    update(key, (q) => progressed(q, id, attempt, loaded, total)),
  );
  inFlight.set(id, handle);
  const done = () => {
    if (inFlight.get(id) === handle) inFlight.delete(id);
  };
  handle.promise.then(
    (upload) => {
      done();
      update(key, (q) => succeeded(q, id, attempt, upload));
    },
    (err: unknown) => {
      done();
      update(key, (q) => failed(q, id, attempt, err instanceof ApiError ? err.code : 'internal'));
    },
  );
}

function forget(id: string): void {
  inFlight.get(id)?.abort();
  inFlight.delete(id);
  const preview = previews.get(id);
  if (preview) URL.revokeObjectURL(preview.url);
  previews.delete(id);
}

/** Attaches files to a draft and starts uploading them; returns how many did not fit (the limit is 10). */
export function attachFiles(key: string, files: File[]): number {
  let overflow = 0;
  let started: QueueItem[] = [];
  update(key, (q) => {
    const r = addFiles(
      q,
      files.map((file) => ({ id: `a${nextId++}`, file })),
    );
    overflow = r.overflow;
    started = r.started;
    return r.queue;
  });
  for (const item of started) start(key, item);
  return overflow;
}

export function retryAttachment(key: string, id: string): void {
  update(key, (q) => retried(q, id));
  const item = itemOf(key, id);
  if (item?.status === 'uploading') start(key, item);
}

/** Uploads a new version of an item's file (a redacted picture, a renamed file) in its place. */
export function replaceAttachmentFile(key: string, id: string, file: File, extra: { redacted?: boolean } = {}): void {
  forget(id);
  update(key, (q) => replaced(q, id, file, extra));
  const item = itemOf(key, id);
  if (item?.status === 'uploading') start(key, item);
}

export function removeAttachment(key: string, id: string): void {
  forget(id);
  update(key, (q) => removed(q, id));
}

export function setCaption(key: string, id: string, caption: string): void {
  update(key, (q) => captioned(q, id, caption));
}

/** After sending: the uploads now belong to the message. */
export function clearAttachments(key: string): void {
  for (const item of attachmentsStore.get()[key] ?? []) forget(item.id);
  update(key, () => []);
}

/** A local preview of a picture the browser can draw (object URL, revoked when the item goes). */
export function previewUrl(item: QueueItem): string | undefined {
  if (!drawableInBrowser(item.file.type)) return undefined;
  const cached = previews.get(item.id);
  if (cached?.file === item.file) return cached.url;
  if (cached) URL.revokeObjectURL(cached.url);
  const url = URL.createObjectURL(item.file);
  previews.set(item.id, { url, file: item.file });
  return url;
}

export function resetAttachments(): void {
  for (const q of Object.values(attachmentsStore.get())) for (const item of q) forget(item.id);
  attachmentsStore.set({});
}
