import { createStore } from '../lib/store';

/** One transient notice for the whole app (e.g. "the room was full, you were placed in …"). */
export const noticeStore = createStore<{ text: string; tone: 'info' | 'error' } | null>(null);

let timer: ReturnType<typeof setTimeout> | undefined;
export function notify(text: string, tone: 'info' | 'error' = 'info', ms = 12_000): void {
  clearTimeout(timer);
  noticeStore.set({ text, tone });
  timer = setTimeout(() => noticeStore.set(null), ms);
}

export function dismissNotice(): void {
  clearTimeout(timer);
  noticeStore.set(null);
}
