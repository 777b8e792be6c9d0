import { createStore } from '../../lib/store';
import { attachmentsStore, clearAttachments } from '../attachments/attachments-store';
import { attachmentRefs, readiness } from '../attachments/upload-queue';
import { sendMessage } from './actions';

/** Unsent text per composer (`roomId:threadRootId`), kept while the user moves around. */
export const draftsStore = createStore<Record<string, string>>({});

/**
 * Drafts whose Send was pressed while their uploads were running: they go out as soon as every upload is
 * done (even if the user has moved to another room meanwhile), or stop waiting when one fails.
 */
export const waitingStore = createStore<Record<string, { roomId: string; threadRootId: string | null }>>({});

export function setDraftText(key: string, text: string): void {
  draftsStore.set((s) => (s[key] === text ? s : { ...s, [key]: text }));
}

function deliver(key: string, roomId: string, threadRootId: string | null): void {
  const body = (draftsStore.get()[key] ?? '').trim();
  const attachments = attachmentRefs(attachmentsStore.get()[key] ?? []);
  if (!body && attachments.length === 0) return;
  sendMessage(roomId, body, threadRootId, attachments);
  setDraftText(key, '');
  clearAttachments(key);
}

/** Send was pressed, then cancelled: the draft stays as it is. */
export function cancelWaiting(key: string): void {
  waitingStore.set((s) => {
    if (!s[key]) return s;
    const { [key]: _gone, ...rest } = s;
    return rest;
  });
}

function settle(): void {
  for (const [key, where] of Object.entries(waitingStore.get())) {
    const state = readiness(attachmentsStore.get()[key] ?? []);
    if (state === 'uploading') continue;
    cancelWaiting(key);
    if (state === 'ready') deliver(key, where.roomId, where.threadRootId);
  }
}
attachmentsStore.subscribe(settle);

/** Sends the draft now, or once its uploads are done. Does nothing while an upload has failed. */
export function sendDraft(key: string, roomId: string, threadRootId: string | null): void {
  const state = readiness(attachmentsStore.get()[key] ?? []);
  if (state === 'failed') return;
  if (state === 'ready') deliver(key, roomId, threadRootId);
  else waitingStore.set((s) => ({ ...s, [key]: { roomId, threadRootId } }));
}

export function resetDrafts(): void {
  draftsStore.set({});
  waitingStore.set({});
}
