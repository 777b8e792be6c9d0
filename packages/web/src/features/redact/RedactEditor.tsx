import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { Icon } from '../../ui/Icon';
import { fitWithin } from '../attachments/file-types';
import { type Box, boxFrom, isTiny, type Point, toFraction, toPixels } from './box-geometry';
import { burnBoxes, decodeUpright, paint } from './burn';

/** The editing canvas is at most this many pixels a side; the boxes are burned in at full size. */
const EDIT_MAX = 1600;

/**
 * Covers parts of a picture (a name on a monitor, a wristband) with black boxes before it is uploaded.
 * The user drags boxes with a mouse, pen or finger; Apply burns them into the pixels of a new file.
 */
export function RedactEditor({ file, onApply, onClose }: { file: File; onApply(file: File): void; onClose(): void }) {
  const { t } = useTranslation();
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [error, setError] = useState('');
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [drawing, setDrawing] = useState<Box | null>(null);
  const [busy, setBusy] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const start = useRef<Point | null>(null);

  useEffect(() => {
    let live = true;
    decodeUpright(file).then(
      (b) => (live ? setBitmap(b) : b.close()),
      () => live && setError(t('redact.cannotOpen')),
    );
    return () => {
      live = false;
    };
  }, [file, t]);
  useEffect(() => () => bitmap?.close(), [bitmap]);

  const size = bitmap ? fitWithin(bitmap.width, bitmap.height, EDIT_MAX) : null;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !bitmap) return;
    paint(ctx, bitmap, boxes);
    if (!drawing) return;
    const r = toPixels(drawing, ctx.canvas.width, ctx.canvas.height);
    ctx.fillStyle = 'rgb(0 0 0 / 0.55)';
    ctx.fillRect(r.x, r.y, r.w, r.h);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = Math.max(2, ctx.canvas.width / 400);
    ctx.setLineDash([8, 6]);
    ctx.strokeRect(r.x, r.y, r.w, r.h);
  }, [bitmap, boxes, drawing]);

  const at = (e: PointerEvent<HTMLCanvasElement>) =>
    toFraction(e.clientX, e.clientY, e.currentTarget.getBoundingClientRect());
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 || busy) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = at(e);
    setDrawing(boxFrom(start.current, start.current));
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (start.current) setDrawing(boxFrom(start.current, at(e)));
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!start.current) return;
    const box = boxFrom(start.current, at(e));
    start.current = null;
    setDrawing(null);
    if (!isTiny(box)) setBoxes((list) => [...list, box]);
  };
  const onPointerCancel = () => {
    start.current = null;
    setDrawing(null);
  };

  const apply = async () => {
    if (!bitmap || boxes.length === 0) return;
    setBusy(true);
    try {
      onApply(await burnBoxes(file, bitmap, boxes));
    } catch {
      setError(t('redact.failed'));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('redact.title')} onClose={onClose} testId="redact-editor" wide>
      <p className="muted small">{t('redact.help')}</p>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : (
        <div className="redact-stage">
          {bitmap && size ? (
            <canvas
              ref={canvas}
              width={size.width}
              height={size.height}
              className="redact-canvas"
              role="img"
              aria-label={t('redact.canvas', { name: file.name, count: boxes.length })}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerCancel}
              data-testid="redact-canvas"
            />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
      )}
      <div className="redact-tools">
        <div className="redact-group">
          <button
            type="button"
            className="button secondary small"
            onClick={() => setBoxes((list) => list.slice(0, -1))}
            disabled={boxes.length === 0 || busy}
            data-testid="redact-undo"
          >
            <Icon name="undo" />
            {t('redact.undo')}
          </button>
          <button
            type="button"
            className="button secondary small"
            onClick={() => setBoxes([])}
            disabled={boxes.length === 0 || busy}
            data-testid="redact-clear"
          >
            {t('redact.clear')}
          </button>
          <span className="muted small redact-count" aria-live="polite" data-testid="redact-count">
            {t('redact.count', { count: boxes.length })}
          </span>
        </div>
        <div className="redact-group redact-finish">
          <button type="button" className="button secondary small" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button primary small"
            onClick={() => void apply()}
            disabled={boxes.length === 0 || busy || !bitmap}
            data-testid="redact-apply"
          >
            {t('redact.apply')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
