import type { Upload } from '@rounds/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxStore } from '../../lib/outbox';
import { attachmentsStore, composerKey } from '../attachments/attachments-store';
import type { QueueItem } from '../attachments/upload-queue';
import { draftsStore, resetDrafts, sendDraft, setDraftText, waitingStore } from './drafts';

const ROOM = 'room0001';
const KEY = composerKey(ROOM, null);

function item(status: QueueItem['status'], id = 'a1'): QueueItem {
  const upload: Upload = {
    id: `up-${id}`,
    roomId: ROOM,
    kind: 'image',
    mime: 'image/jpeg',
    name: `${id}.jpg`,
    size: 10,
    width: 1,
    height: 1,
    variants: ['full', 'medium', 'thumb'],
    identifierWarnings: [],
    createdAt: new Date(0).toISOString(),
  };
  return {
    id,
    file: new File(['x'], `${id}.png`, { type: 'image/png' }),
    kind: 'image',
    caption: 'cap',
    status,
    loaded: 0,
    total: 1,
    attempt: 1,
    ...(status === 'done' ? { upload } : {}),
    ...(status === 'failed' ? { error: 'upload_type_not_allowed' } : {}),
  };
}

describe('sending a draft with attachments', () => {
  afterEach(() => {
    resetDrafts();
    attachmentsStore.set({});
    outboxStore.set([]);
  });

  it('sends at once when every upload is done', () => {
    setDraftText(KEY, '  Ward photos ');
    attachmentsStore.set({ [KEY]: [item('done')] });
    sendDraft(KEY, ROOM, null);
    expect(outboxStore.get()).toMatchObject([
      { roomId: ROOM, body: 'Ward photos', attachments: [{ uploadId: 'up-a1', caption: 'cap', name: 'a1.jpg' }] },
    ]);
    expect(draftsStore.get()[KEY]).toBe('');
    expect(attachmentsStore.get()[KEY]).toBeUndefined();
  });

  it('waits for uploads in flight, then sends; stops waiting when one fails', () => {
    setDraftText(KEY, 'Later');
    attachmentsStore.set({ [KEY]: [item('done', 'a1'), item('uploading', 'a2')] });
    sendDraft(KEY, ROOM, null);
    expect(waitingStore.get()[KEY]).toEqual({ roomId: ROOM, threadRootId: null });
    expect(outboxStore.get()).toEqual([]);
    attachmentsStore.set({ [KEY]: [item('done', 'a1'), item('done', 'a2')] });
    expect(waitingStore.get()[KEY]).toBeUndefined();
    expect(outboxStore.get()[0]?.attachments?.map((a) => a.uploadId)).toEqual(['up-a1', 'up-a2']);

    setDraftText(KEY, 'Fails');
    attachmentsStore.set({ [KEY]: [item('uploading')] });
    sendDraft(KEY, ROOM, null);
    attachmentsStore.set({ [KEY]: [item('failed')] });
    expect(waitingStore.get()[KEY]).toBeUndefined();
    expect(outboxStore.get()).toHaveLength(1);
    expect(draftsStore.get()[KEY]).toBe('Fails');
    // Nothing is sent while an upload has failed.
    sendDraft(KEY, ROOM, null);
    expect(outboxStore.get()).toHaveLength(1);
  });
});
