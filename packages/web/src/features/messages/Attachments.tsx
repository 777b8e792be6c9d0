import type { Attachment } from '@rounds/protocol';
import { useTranslation } from 'react-i18next';

/** Files and pictures attached to a message: name, kind, size and caption. */
export function Attachments({ items }: { items: Attachment[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  const size = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  return (
    <ul className="attachments" aria-label={t('messages.attachments')} data-testid="attachments">
      {items.map((a) => (
        <li key={a.id} className="attachment">
          <span className="chip">{a.kind === 'image' ? t('messages.image') : t('messages.file')}</span>{' '}
          <span className="attachment-name">{a.name}</span>{' '}
          <span className="muted small">{size.format(Math.max(1, Math.round(a.size / 1024)))}</span>
          {a.caption && <div className="small">{a.caption}</div>}
        </li>
      ))}
    </ul>
  );
}
