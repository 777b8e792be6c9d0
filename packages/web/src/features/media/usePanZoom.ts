import { type MouseEvent, type PointerEvent, useCallback, useRef, useState, type WheelEvent } from 'react';
import {
  clampOffset,
  MIN_ZOOM,
  type Offset,
  pinchZoom,
  type Size,
  swipeDirection,
  toggleZoom,
  zoomIn,
  zoomOut,
} from './zoom';

const ORIGIN: Offset = { x: 0, y: 0 };
const DOUBLE_TAP_MS = 300;

/**
 * Zoom and pan for the viewer, by buttons, keys, wheel, double click/tap, pinch and drag; a horizontal
 * swipe at fit zoom moves to the next or previous picture. `fitted` is the picture's size at zoom 1 and
 * `stage` the area it is shown in (both in CSS pixels). A new `resetKey` (another picture) starts at fit.
 */
export function usePanZoom(fitted: Size, stage: Size, onSwipe: (direction: -1 | 1) => void, resetKey: string) {
  const [scale, setScaleState] = useState(MIN_ZOOM);
  const [offset, setOffset] = useState<Offset>(ORIGIN);
  const [shown, setShown] = useState(resetKey);
  if (shown !== resetKey) {
    setShown(resetKey);
    setScaleState(MIN_ZOOM);
    setOffset(ORIGIN);
  }
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinch = useRef<{ distance: number; scale: number } | null>(null);
  const drag = useRef<{ x: number; y: number; offset: Offset; moved: boolean } | null>(null);
  const lastTap = useRef(0);
  const lastPointer = useRef('mouse');

  const setScale = useCallback(
    (next: number) => {
      setScaleState(next);
      setOffset((o) => (next <= MIN_ZOOM ? ORIGIN : clampOffset(o, next, fitted, stage)));
    },
    [fitted, stage],
  );

  const spread = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };

  const handlers = {
    onPointerDown(e: PointerEvent<HTMLElement>) {
      if ((e.target as HTMLElement).closest('button')) return;
      lastPointer.current = e.pointerType;
      e.currentTarget.setPointerCapture(e.pointerId);
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.current.size === 2) {
        pinch.current = { distance: spread(), scale };
        drag.current = null;
      } else if (pointers.current.size === 1) {
        drag.current = { x: e.clientX, y: e.clientY, offset, moved: false };
      }
    },
    onPointerMove(e: PointerEvent<HTMLElement>) {
      if (!pointers.current.has(e.pointerId)) return;
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pinch.current && pointers.current.size === 2) {
        setScale(pinchZoom(pinch.current.scale, pinch.current.distance, spread()));
        return;
      }
      const d = drag.current;
      if (!d) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (Math.abs(dx) > 6 || Math.abs(dy) > 6) d.moved = true;
      if (scale > MIN_ZOOM) setOffset(clampOffset({ x: d.offset.x + dx, y: d.offset.y + dy }, scale, fitted, stage));
    },
    onPointerUp(e: PointerEvent<HTMLElement>) {
      if (!pointers.current.delete(e.pointerId)) return;
      if (pointers.current.size < 2) pinch.current = null;
      const d = drag.current;
      if (!d || pointers.current.size > 0) return;
      drag.current = null;
      if (d.moved) {
        const direction = scale <= MIN_ZOOM ? swipeDirection(e.clientX - d.x, e.clientY - d.y) : 0;
        if (direction !== 0) onSwipe(direction);
        return;
      }
      // A second tap soon after the first: double tap (a mouse has dblclick).
      if (e.pointerType !== 'mouse') {
        const now = e.timeStamp;
        if (now - lastTap.current < DOUBLE_TAP_MS) {
          lastTap.current = 0;
          setScale(toggleZoom(scale));
        } else lastTap.current = now;
      }
    },
    onPointerCancel(e: PointerEvent<HTMLElement>) {
      pointers.current.delete(e.pointerId);
      pinch.current = null;
      drag.current = null;
    },
    onDoubleClick(e: MouseEvent<HTMLElement>) {
      // A double tap was handled on pointerup; the browser may follow it with a dblclick of its own.
      if (lastPointer.current !== 'mouse' || (e.target as HTMLElement).closest('button')) return;
      setScale(toggleZoom(scale));
    },
    onWheel(e: WheelEvent<HTMLElement>) {
      if (e.deltaY === 0) return;
      setScale(e.deltaY < 0 ? zoomIn(scale) : zoomOut(scale));
    },
  };

  return {
    scale,
    offset,
    handlers,
    zoomIn: () => setScale(zoomIn(scale)),
    zoomOut: () => setScale(zoomOut(scale)),
    fit: () => setScale(MIN_ZOOM),
  };
}
