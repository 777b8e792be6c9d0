import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageBody } from '../messages/MessageBody';

/**
 * The room's announcement as a banner, folded to two lines when it is longer, so the rules of a busy room do
 * not take a third of a phone screen; "Show all" unfolds it.
 */
export function Announcement({ text, roomId, myHandle }: { text: string; roomId: string; myHandle: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [long, setLong] = useState(false);
  const body = useRef<HTMLDivElement>(null);

  // Measure again whenever the text changes: a longer announcement may need folding.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `text` changes what the element holds.
  useLayoutEffect(() => {
    const el = body.current;
    if (el && !open) setLong(el.scrollHeight > el.clientHeight + 2);
  }, [open, text]);

  return (
    <section className="announcement" aria-label={t('room.announcement')} data-testid="announcement">
      <span className="announcement-icon" aria-hidden="true">
        📣
      </span>
      <div ref={body} id={`announcement-${roomId}`} className={open ? 'announcement-body' : 'announcement-body folded'}>
        <MessageBody body={text} myHandle={myHandle} />
      </div>
      {(long || open) && (
        <button
          type="button"
          className="announcement-toggle"
          aria-expanded={open}
          aria-controls={`announcement-${roomId}`}
          onClick={() => setOpen(!open)}
          data-testid="announcement-toggle"
        >
          {open ? t('room.announcementLess') : t('room.announcementMore')}
        </button>
      )}
    </section>
  );
}
