import type { Attachment } from '@rounds/protocol';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { mediaUrl } from '../attachments/file-types';
import { usePanZoom } from './usePanZoom';
import { closeViewer, showPicture, viewerStore } from './viewer-store';
import { fitSize, MAX_ZOOM, MIN_ZOOM, type Size, step } from './zoom';

/** The picture viewer (one for the app), open while `viewerStore` holds pictures. */
export function MediaViewer() {
  const state = viewerStore.use((s) => s);
  if (!state) return null;
  const item = state.items[state.index];
  return item ? <ViewerDialog items={state.items} index={state.index} item={item} /> : null;
}

/**
 * A modal <dialog> (the page behind is inert, so focus stays inside; Escape closes; focus returns to the
 * thumbnail). ←/→ or the side buttons move between the message's pictures, +/−/0 zoom, drag pans, and on
 * touch: swipe, pinch and double tap.
 */
function ViewerDialog({ items, index, item }: { items: Attachment[]; index: number; item: Attachment }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  const count = items.length;
  const go = (delta: number) => showPicture(step(index, delta, count));
  const fitted = fitSize({ width: item.width ?? 0, height: item.height ?? 0 }, stage);
  const zoom = usePanZoom(fitted, stage, (direction) => go(direction), item.id);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!d.open) d.showModal();
    closeButton.current?.focus();
    return () => {
      if (d.open) d.close();
      opener?.focus?.();
    };
  }, []);

  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const measure = () => setStage({ width: el.clientWidth, height: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    let action: (() => void) | undefined;
    if (e.key === 'ArrowLeft' && count > 1) action = () => go(-1);
    else if (e.key === 'ArrowRight' && count > 1) action = () => go(1);
    else if (e.key === '+' || e.key === '=') action = zoom.zoomIn;
    else if (e.key === '-') action = zoom.zoomOut;
    else if (e.key === '0') action = zoom.fit;
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <dialog
      ref={dialog}
      className="viewer"
      aria-labelledby="viewer-title"
      aria-describedby={item.caption ? 'viewer-caption' : undefined}
      data-testid="viewer"
      onCancel={(e) => {
        e.preventDefault();
        closeViewer();
      }}
      onKeyDown={onKeyDown}
    >
      <header className="viewer-bar">
        <h2 id="viewer-title" className="viewer-title">
          {count > 1 && (
            <span className="viewer-position" data-testid="viewer-position">
              {t('viewer.position', { n: index + 1, count })}
            </span>
          )}
          <span className="viewer-name">{item.name}</span>
        </h2>
        <div className="viewer-tools">
          <button
            type="button"
            className="icon-button"
            onClick={zoom.zoomOut}
            disabled={zoom.scale <= MIN_ZOOM}
            aria-label={t('viewer.zoomOut')}
            title={t('viewer.zoomOut')}
            data-testid="viewer-zoom-out"
          >
            <Icon name="zoomOut" />
          </button>
          <span className="viewer-zoom" data-testid="viewer-zoom">
            {Math.round(zoom.scale * 100)}%
          </span>
          <button
            type="button"
            className="icon-button"
            onClick={zoom.zoomIn}
            disabled={zoom.scale >= MAX_ZOOM}
            aria-label={t('viewer.zoomIn')}
            title={t('viewer.zoomIn')}
            data-testid="viewer-zoom-in"
          >
            <Icon name="zoomIn" />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={zoom.fit}
            disabled={zoom.scale === MIN_ZOOM}
            aria-label={t('viewer.fit')}
            title={t('viewer.fit')}
            data-testid="viewer-fit"
          >
            <Icon name="fit" />
          </button>
          <a
            className="icon-button"
            href={mediaUrl(item.id, 'full')}
            download={item.name}
            aria-label={t('viewer.download')}
            title={t('viewer.download')}
            data-testid="viewer-download"
          >
            <Icon name="download" />
          </a>
          <button
            ref={closeButton}
            type="button"
            className="icon-button"
            onClick={closeViewer}
            aria-label={t('common.close')}
            title={t('common.close')}
            data-testid="viewer-close"
          >
            <Icon name="close" />
          </button>
        </div>
      </header>
      <div className="viewer-stage" ref={stageRef} {...zoom.handlers} data-zoomed={zoom.scale > MIN_ZOOM || undefined}>
        <img
          key={item.id}
          className="viewer-image"
          src={mediaUrl(item.id, 'full')}
          alt={item.caption || item.name}
          width={item.width ?? undefined}
          height={item.height ?? undefined}
          draggable={false}
          style={{
            transform: `translate(${zoom.offset.x}px, ${zoom.offset.y}px) scale(${zoom.scale})`,
            backgroundImage: `url(${mediaUrl(item.id, 'thumb')})`,
          }}
          data-testid="viewer-image"
          data-media-id={item.id}
        />
        {count > 1 && (
          <>
            <button
              type="button"
              className="viewer-nav prev"
              onClick={() => go(-1)}
              aria-label={t('viewer.previous')}
              title={t('viewer.previous')}
              data-testid="viewer-prev"
            >
              <Icon name="left" />
            </button>
            <button
              type="button"
              className="viewer-nav next"
              onClick={() => go(1)}
              aria-label={t('viewer.next')}
              title={t('viewer.next')}
              data-testid="viewer-next"
            >
              <Icon name="right" />
            </button>
          </>
        )}
      </div>
      {item.caption && (
        <p id="viewer-caption" className="viewer-caption">
          {item.caption}
        </p>
      )}
    </dialog>
  );
}
