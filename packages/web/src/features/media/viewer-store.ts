import type { Attachment } from '@rounds/protocol';
import { createStore } from '../../lib/store';

/** The picture viewer: the pictures of one message and which is shown; one viewer for the whole app. */
export const viewerStore = createStore<{ items: Attachment[]; index: number } | null>(null);

export function openViewer(items: Attachment[], index: number): void {
  viewerStore.set({ items, index });
}

export function showPicture(index: number): void {
  viewerStore.set((s) => (s ? { ...s, index } : s));
}

export function closeViewer(): void {
  viewerStore.set(null);
}
