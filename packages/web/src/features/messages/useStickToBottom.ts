import { useCallback, useRef } from 'react';

/** Within this many pixels of the end the reader is "at the bottom" (Virtuoso's atBottomThreshold too). */
export const NEAR_BOTTOM = 48;

/**
 * Keeps a scroller pinned to its end while the reader is there. Content that grows after the scroll (pictures
 * decoding, attachments finishing, items the virtualizer measures late, my pending message turning into the
 * confirmed one) pulls the view down again, so opening a room, "Jump to latest" and sending land at the true
 * end (issue 11, item 22). Scrolling up unpins; coming back within NEAR_BOTTOM pins again.
 * `startPinned` is read when the scroller appears (the list opens at the end, or at the first unread message).
 * `onSettled` runs after every scroll or re-pin (at most once a frame), with the scroller, to mark what is seen.
 */
export function useStickToBottom(startPinned: boolean, onSettled: (scroller: HTMLElement) => void) {
  const pinned = useRef(startPinned);
  const start = useRef(startPinned);
  start.current = startPinned;
  const scroller = useRef<HTMLElement | null>(null);
  const lastTop = useRef(0);
  const frame = useRef(0);
  const detach = useRef<() => void>(() => {});
  const settled = useRef(onSettled);
  settled.current = onSettled;

  const settle = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = scroller.current;
      if (!el) return;
      if (pinned.current && el.scrollHeight - el.scrollTop - el.clientHeight > 1) {
        el.scrollTop = el.scrollHeight;
        lastTop.current = el.scrollTop;
      }
      settled.current(el);
    });
  }, []);

  /** Pins to the end now (Jump to latest, sending) and keeps it there as content grows. */
  const pin = useCallback(() => {
    pinned.current = true;
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    settle();
  }, [settle]);

  /** For Virtuoso's scrollerRef: follows the reader's scrolling and the scroller's size. */
  const scrollerRef = useCallback(
    (el: HTMLElement | Window | null) => {
      detach.current();
      detach.current = () => {};
      scroller.current = el instanceof HTMLElement ? el : null;
      if (!(el instanceof HTMLElement)) return;
      pinned.current = start.current;
      lastTop.current = el.scrollTop;
      const onScroll = () => {
        const dist = el.scrollHeight - el.scrollTop - el.clientHeight;
        if (dist <= NEAR_BOTTOM) pinned.current = true;
        // Only an upward move unpins: content growing below leaves scrollTop alone and is re-pinned.
        else if (el.scrollTop < lastTop.current - 1) pinned.current = false;
        lastTop.current = el.scrollTop;
        settle();
      };
      const resize = new ResizeObserver(settle);
      resize.observe(el);
      el.addEventListener('scroll', onScroll, { passive: true });
      // Pictures and previews finishing late ('load' does not bubble, so listen while it captures).
      el.addEventListener('load', settle, true);
      detach.current = () => {
        resize.disconnect();
        el.removeEventListener('scroll', onScroll);
        el.removeEventListener('load', settle, true);
        cancelAnimationFrame(frame.current);
        frame.current = 0;
      };
      settle();
    },
    [settle],
  );

  return { scrollerRef, pin, contentChanged: settle };
}

/** The absolute index (Virtuoso's data-item-index) of the last item whose top is inside the scroller's view. */
export function lastVisibleIndex(scroller: HTMLElement): number | undefined {
  const bottom = scroller.getBoundingClientRect().bottom;
  let last: number | undefined;
  for (const item of scroller.querySelectorAll<HTMLElement>('[data-item-index]')) {
    const index = Number(item.dataset.itemIndex);
    if (item.getBoundingClientRect().top < bottom - 4 && (last === undefined || index > last)) last = index;
  }
  return last;
}
