import type { Attachment } from '@rounds/protocol';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { fitWithin, formatBytes, mediaUrl, typeLabel } from '../attachments/file-types';
import { openViewer } from './viewer-store';

/**
 * A message's attachments: pictures as thumbnails (drawn at their final size before they load, so the
 * virtualized list does not jump) that open the viewer, and files as chips that download the original.
 */
export function Attachments({ items }: { items: Attachment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  const pictures = items.filter((a) => a.kind === 'image' && a.variants.includes('thumb'));
  const files = items.filter((a) => !pictures.includes(a));
  const max = pictures.length === 1 ? 280 : 160;
  return (
    <div className="attachments" data-testid="attachments">
      {pictures.length > 0 && (
        <ul className="thumbs" aria-label={t('attachments.pictures', { count: pictures.length })}>
          {pictures.map((a, i) => {
            const size = fitWithin(a.width, a.height, max);
            return (
              <li key={a.id} className="thumb-item" style={{ width: size.width }}>
                <button
                  type="button"
                  className="thumb"
                  onClick={() => openViewer(pictures, i)}
                  aria-label={t('viewer.open', { name: a.caption || a.name })}
                  data-testid="attachment-thumb"
                  data-media-id={a.id}
                >
                  <img
                    src={mediaUrl(a.id, 'thumb')}
                    srcSet={
                      a.variants.includes('medium')
                        ? `${mediaUrl(a.id, 'thumb')} 1x, ${mediaUrl(a.id, 'medium')} 2x`
                        : undefined
                    }
                    alt=""
                    width={size.width}
                    height={size.height}
                    loading="lazy"
                    decoding="async"
                  />
                </button>
                {a.caption && <p className="thumb-caption small">{a.caption}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="file-list" aria-label={t('attachments.files', { count: files.length })}>
          {files.map((a) => (
            <li key={a.id}>
              <FileChip a={a} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A file: its first-page preview when the server made one, name, type and size; the link downloads it. */
function FileChip({ a }: { a: Attachment }) {
  const { t, i18n } = useTranslation();
  const preview = a.variants.includes('thumb');
  return (
    <div className="file-chip" data-testid="file-chip" data-media-id={a.id}>
      <a
        className="file-link"
        href={mediaUrl(a.id, 'full')}
        download={a.name}
        aria-label={t('attachments.download', { name: a.name })}
        data-testid="file-download"
      >
        {preview ? (
          <img
            className="file-preview"
            src={mediaUrl(a.id, 'thumb')}
            alt=""
            width={72}
            height={96}
            loading="lazy"
            data-testid="file-preview"
          />
        ) : (
          <span className="file-icon" aria-hidden="true">
            <Icon name="file" />
          </span>
        )}
        <span className="file-meta">
          <span className="file-name">{a.name}</span>
          <span className="muted small">
            {typeLabel(a.mime, a.name)} · {formatBytes(a.size, i18n.language)}
          </span>
        </span>
        <span className="file-download-icon" aria-hidden="true">
          <Icon name="download" />
        </span>
      </a>
      {a.caption && <p className="small file-caption">{a.caption}</p>}
    </div>
  );
}
