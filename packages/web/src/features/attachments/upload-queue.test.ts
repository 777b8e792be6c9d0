import { Limits, type Upload } from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import {
  addFiles,
  attachmentRefs,
  captioned,
  type FileLike,
  failed,
  overallProgress,
  progressed,
  type Queue,
  readiness,
  removed,
  replaced,
  retried,
  succeeded,
} from './upload-queue';

const file = (name: string, size = 1000, type = 'image/png'): FileLike => ({ name, size, type });
const upload = (id: string, name: string, kind: 'image' | 'file' = 'image'): Upload => ({
  id,
  roomId: 'r1',
  kind,
  mime: 'image/jpeg',
  name,
  size: 900,
  width: 10,
  height: 10,
  variants: ['full', 'medium', 'thumb'],
  identifierWarnings: [],
  createdAt: '2026-01-01T00:00:00.000Z',
});

function queueOf(...names: string[]): Queue<FileLike> {
  return addFiles(
    [],
    names.map((n) => ({ id: n, file: file(n) })),
  ).queue;
}

describe('upload queue', () => {
  it('adds files as uploading, guessing pictures from the type, up to the limit', () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, file: file(`f${i}.png`) }));
    files[1] = { id: 'f1', file: file('notes.pdf', 10, 'application/pdf') };
    const r = addFiles([], files);
    expect(r.queue).toHaveLength(Limits.maxAttachments);
    expect(r.overflow).toBe(2);
    expect(r.started).toHaveLength(10);
    expect(r.queue.map((i) => i.kind).slice(0, 2)).toEqual(['image', 'file']);
    expect(readiness(r.queue)).toBe('uploading');
    const more = addFiles(r.queue, [{ id: 'x', file: file('x.png') }]);
    expect(more.overflow).toBe(1);
    expect(more.queue).toBe(more.queue);
  });

  it('fails empty and oversized files at once, without uploading them', () => {
    const r = addFiles(
      [],
      [
        { id: 'e', file: file('empty.txt', 0, 'text/plain') },
        { id: 'b', file: file('big.pdf', Limits.maxUploadBytes + 1, 'application/pdf') },
      ],
    );
    expect(r.started).toEqual([]);
    expect(r.queue.map((i) => [i.status, i.error])).toEqual([
      ['failed', 'upload_empty'],
      ['failed', 'payload_too_large'],
    ]);
    expect(readiness(r.queue)).toBe('failed');
  });

  it('tracks progress, then success or failure, of the current attempt only', () => {
    let q = queueOf('a.png', 'b.png');
    q = progressed(q, 'a.png', 1, 500, 1000);
    expect(q[0]!.loaded).toBe(500);
    expect(overallProgress(q)).toBe(0.25);
    q = succeeded(q, 'a.png', 1, upload('u1', 'a.jpg'));
    expect(q[0]!.status).toBe('done');
    expect(readiness(q)).toBe('uploading');
    q = failed(q, 'b.png', 1, 'upload_type_not_allowed');
    expect(readiness(q)).toBe('failed');
    expect(q[1]!.error).toBe('upload_type_not_allowed');

    // Retry: a second attempt; a late answer from the first is ignored.
    q = retried(q, 'b.png');
    expect(q[1]).toMatchObject({ status: 'uploading', attempt: 2, loaded: 0 });
    expect(q[1]!.error).toBeUndefined();
    q = succeeded(q, 'b.png', 1, upload('stale', 'b.jpg'));
    expect(q[1]!.status).toBe('uploading');
    q = succeeded(q, 'b.png', 2, upload('u2', 'b.jpg'));
    expect(readiness(q)).toBe('ready');
    expect(overallProgress(q)).toBe(1);
  });

  it('lists the uploads with trimmed captions for message.send, in order', () => {
    let q = queueOf('a.png', 'b.png');
    q = succeeded(q, 'a.png', 1, upload('u1', 'a.jpg'));
    q = succeeded(q, 'b.png', 1, upload('u2', 'b.txt', 'file'));
    q = captioned(q, 'b.png', '  checklist ');
    expect(attachmentRefs(q)).toEqual([
      { uploadId: 'u1', caption: '', name: 'a.jpg', kind: 'image' },
      { uploadId: 'u2', caption: 'checklist', name: 'b.txt', kind: 'file' },
    ]);
  });

  it('uploads a replaced file again, and removal leaves the rest', () => {
    let q = queueOf('a.png', 'b.png');
    q = succeeded(q, 'a.png', 1, upload('u1', 'a.jpg'));
    q = replaced(q, 'a.png', file('a-redacted.png', 800), { redacted: true });
    expect(q[0]).toMatchObject({ status: 'uploading', attempt: 2, redacted: true, total: 800 });
    expect(q[0]!.upload).toBeUndefined();
    expect(q[0]!.file.name).toBe('a-redacted.png');
    q = removed(q, 'b.png');
    expect(q.map((i) => i.id)).toEqual(['a.png']);
    expect(removed(q, 'nope')).toEqual(q);
    expect(readiness([])).toBe('ready');
  });
});
