import type { AttachmentRef, Upload } from '@rounds/protocol';
import { serverLimits } from '../../lib/server-limits';

/** What the queue needs of a file (a browser `File`, or a plain object in tests). */
export type FileLike = { name: string; size: number; type: string };

/**
 * One picture or file the user attached to a draft. `uploading` → `done` (the server's Upload) or `failed`
 * (an error code); a failed item is retried or removed; replacing the file (redaction, renaming) uploads again.
 */
export type QueueItem<F extends FileLike = File> = {
  id: string;
  file: F;
  /** Guessed from the browser's type until the server answers; the server decides by content. */
  kind: 'image' | 'file';
  caption: string;
  status: 'uploading' | 'done' | 'failed';
  loaded: number;
  total: number;
  upload?: Upload;
  error?: string;
  /** Boxes were burned into this picture by the redaction editor. */
  redacted?: boolean;
  /** Bumped each time the item is (re)uploaded, so a late answer from an older attempt is ignored. */
  attempt: number;
};

export type Queue<F extends FileLike = File> = QueueItem<F>[];

/** Pictures the browser can show and the redaction editor can open. */
const isPictureType = (type: string): boolean => /^image\//.test(type);

/** A problem the browser can see before uploading (the server checks again). */
function localProblem(file: FileLike): string | undefined {
  if (file.size === 0) return 'upload_empty';
  if (file.size > serverLimits().uploadMaxBytes) return 'payload_too_large';
  return undefined;
}

/**
 * Adds files up to `max` items in all; returns the new queue, the items to start uploading, and how many
 * files did not fit.
 */
export function addFiles<F extends FileLike>(
  queue: Queue<F>,
  files: { id: string; file: F }[],
  max: number = serverLimits().maxAttachments,
): { queue: Queue<F>; started: QueueItem<F>[]; overflow: number } {
  const room = Math.max(0, max - queue.length);
  const taken = files.slice(0, room).map(({ id, file }): QueueItem<F> => {
    const problem = localProblem(file);
    return {
      id,
      file,
      kind: isPictureType(file.type) ? 'image' : 'file',
      caption: '',
      status: problem ? 'failed' : 'uploading',
      loaded: 0,
      total: file.size,
      attempt: 1,
      ...(problem ? { error: problem } : {}),
    };
  });
  return {
    queue: [...queue, ...taken],
    started: taken.filter((i) => i.status === 'uploading'),
    overflow: files.length - taken.length,
  };
}

function patch<F extends FileLike>(queue: Queue<F>, id: string, fn: (i: QueueItem<F>) => QueueItem<F>): Queue<F> {
  return queue.some((i) => i.id === id) ? queue.map((i) => (i.id === id ? fn(i) : i)) : queue;
}

/** Upload progress of the current attempt; answers for older attempts are ignored. */
export function progressed<F extends FileLike>(
  queue: Queue<F>,
  id: string,
  attempt: number,
  loaded: number,
  total: number,
): Queue<F> {
  return patch(queue, id, (i) =>
    i.attempt === attempt && i.status === 'uploading' ? { ...i, loaded: Math.min(loaded, total), total } : i,
  );
}

export function succeeded<F extends FileLike>(queue: Queue<F>, id: string, attempt: number, upload: Upload): Queue<F> {
  return patch(queue, id, (i) => {
    if (i.attempt !== attempt || i.status !== 'uploading') return i;
    const { error: _e, ...rest } = i;
    return { ...rest, status: 'done', upload, kind: upload.kind, loaded: i.total };
  });
}

export function failed<F extends FileLike>(queue: Queue<F>, id: string, attempt: number, code: string): Queue<F> {
  return patch(queue, id, (i) =>
    i.attempt === attempt && i.status === 'uploading' ? { ...i, status: 'failed', error: code } : i,
  );
}

/** Starts a failed item again (same file); a problem the browser can see fails it again at once. */
export function retried<F extends FileLike>(queue: Queue<F>, id: string): Queue<F> {
  return patch(queue, id, (i) => {
    if (i.status !== 'failed') return i;
    const problem = localProblem(i.file);
    const { error: _e, upload: _u, ...rest } = i;
    return {
      ...rest,
      attempt: i.attempt + 1,
      loaded: 0,
      status: problem ? 'failed' : 'uploading',
      ...(problem ? { error: problem } : {}),
    };
  });
}

/** The file changed (redacted, renamed): whatever was uploaded is superseded and the new file goes up. */
export function replaced<F extends FileLike>(
  queue: Queue<F>,
  id: string,
  file: F,
  extra: { redacted?: boolean } = {},
): Queue<F> {
  return patch(queue, id, (i) => {
    const problem = localProblem(file);
    const { error: _e, upload: _u, ...rest } = i;
    return {
      ...rest,
      ...extra,
      file,
      total: file.size,
      loaded: 0,
      attempt: i.attempt + 1,
      status: problem ? 'failed' : 'uploading',
      ...(problem ? { error: problem } : {}),
    };
  });
}

export function removed<F extends FileLike>(queue: Queue<F>, id: string): Queue<F> {
  return queue.filter((i) => i.id !== id);
}

export function captioned<F extends FileLike>(queue: Queue<F>, id: string, caption: string): Queue<F> {
  return patch(queue, id, (i) => ({ ...i, caption }));
}

/** `ready`: every item is uploaded (or there are none); `uploading`: wait; `failed`: the user must act. */
export function readiness(queue: Queue<FileLike>): 'ready' | 'uploading' | 'failed' {
  if (queue.some((i) => i.status === 'failed')) return 'failed';
  if (queue.some((i) => i.status === 'uploading')) return 'uploading';
  return 'ready';
}

/** Overall progress of the uploads in flight, 0–1. */
export function overallProgress(queue: Queue<FileLike>): number {
  const active = queue.filter((i) => i.status !== 'failed');
  const total = active.reduce((n, i) => n + i.total, 0);
  return total === 0 ? 1 : active.reduce((n, i) => n + (i.status === 'done' ? i.total : i.loaded), 0) / total;
}

/** What `message.send` takes, in the order the user attached them. Only for a `ready` queue. */
export function attachmentRefs(queue: Queue<FileLike>): (AttachmentRef & { name: string; kind: 'image' | 'file' })[] {
  return queue.flatMap((i) =>
    i.status === 'done' && i.upload
      ? [{ uploadId: i.upload.id, caption: i.caption.trim(), name: i.upload.name, kind: i.upload.kind }]
      : [],
  );
}
