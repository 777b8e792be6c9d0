import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { serverLimits } from '../../lib/server-limits';
import { Icon } from '../../ui/Icon';
import { previewUrl, removeAttachment, retryAttachment, setCaption } from './attachments-store';
import { drawableInBrowser, formatBytes, mediaUrl, typeLabel } from './file-types';
import type { QueueItem } from './upload-queue';

/** Why an upload failed, in the reader's language (the server's code; a few get a more helpful sentence). */
function uploadErrorText(t: TFunction, code: string | undefined): string {
  if (code === 'payload_too_large')
    return t('attachments.tooLarge', { mb: Math.round(serverLimits().uploadMaxBytes / 1048576) });
  const key = `errors.${code ?? 'internal'}`;
  const text = t(key);
  return text === key ? t('errors.internal') : text;
}

/** A picture the browser can draw, or (HEIC) one the server has turned into a JPEG it can. */
const canRedact = (item: QueueItem): boolean =>
  item.kind === 'image' && (drawableInBrowser(item.file.type) || item.status === 'done');

/**
 * The draft's attachments above the input: a preview, name, size, upload progress, a caption, and per item
 * Remove, Retry (when it failed) and Redact (pictures).
 */
export function AttachmentTray({
  composerKey,
  items,
  locked,
  onRedact,
}: {
  composerKey: string;
  items: QueueItem[];
  /** The message is about to be sent: captions are fixed. */
  locked: boolean;
  onRedact(id: string): void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="tray" aria-label={t('attachments.tray', { count: items.length })} data-testid="attachment-tray">
      {items.map((item) => (
        <TrayItem key={item.id} item={item} composerKey={composerKey} locked={locked} onRedact={onRedact} />
      ))}
    </ul>
  );
}

function TrayItem({
  item,
  composerKey,
  locked,
  onRedact,
}: {
  item: QueueItem;
  composerKey: string;
  locked: boolean;
  onRedact(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const name = item.file.name;
  const local = previewUrl(item);
  const preview = local ?? (item.upload?.variants.includes('thumb') ? mediaUrl(item.upload.id, 'thumb') : undefined);
  const percent = item.total > 0 ? Math.round((item.loaded / item.total) * 100) : 0;
  const status =
    item.status === 'uploading'
      ? t('attachments.uploading', { percent })
      : item.status === 'done'
        ? t('attachments.uploaded')
        : t('attachments.failed');
  return (
    <li className={`tray-item ${item.status}`} data-testid="tray-item" data-status={item.status}>
      <div className="tray-preview">
        {preview ? <img src={preview} alt="" /> : <span className="tray-type">{typeLabel(item.file.type, name)}</span>}
      </div>
      <div className="tray-main">
        <div className="tray-name" title={name} data-testid="tray-name">
          {name}
        </div>
        <div className="small muted">
          {formatBytes(item.file.size, i18n.language)} · <span data-testid="tray-status">{status}</span>
          {item.redacted && (
            <span className="badge ok" data-testid="redacted-badge">
              {t('redact.done')}
            </span>
          )}
        </div>
        {item.status === 'uploading' && (
          <progress
            className="tray-progress"
            value={item.loaded}
            max={item.total || 1}
            aria-label={t('attachments.progress', { name })}
          />
        )}
        {item.status === 'failed' && (
          <p className="error-text small" role="alert" data-testid="upload-error">
            {uploadErrorText(t, item.error)}
          </p>
        )}
      </div>
      {item.status !== 'failed' && (
        <input
          className="tray-caption"
          value={item.caption}
          maxLength={500}
          readOnly={locked}
          placeholder={t('attachments.caption')}
          aria-label={t('attachments.captionFor', { name })}
          onChange={(e) => setCaption(composerKey, item.id, e.target.value)}
          data-testid="caption-input"
        />
      )}
      <div className="tray-actions">
        {item.status === 'failed' && (
          <button
            type="button"
            className="button secondary small"
            onClick={() => retryAttachment(composerKey, item.id)}
            data-testid="upload-retry"
          >
            {t('messages.retry')}
          </button>
        )}
        {canRedact(item) && !locked && (
          <button
            type="button"
            className="button secondary small"
            onClick={() => onRedact(item.id)}
            aria-label={t('redact.openFor', { name })}
            data-testid="redact-picture"
          >
            <Icon name="redact" />
            {t('redact.open')}
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          onClick={() => removeAttachment(composerKey, item.id)}
          disabled={locked}
          aria-label={t('attachments.remove', { name })}
          title={t('attachments.remove', { name })}
          data-testid="upload-remove"
        >
          <Icon name="close" />
        </button>
      </div>
    </li>
  );
}
