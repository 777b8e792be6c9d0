import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../lib/outbox';
import { connectionStore, SocketError } from '../../lib/socket-types';
import { errorText } from '../../ui/errors';
import { discardSend, retrySend } from './actions';
import { MessageBody } from './MessageBody';

/** A message of mine the server has not confirmed yet: shown with a pending marker, never as sent. */
export function PendingItem({ entry, myName, myHandle }: { entry: OutboxEntry; myName: string; myHandle: string }) {
  const { t } = useTranslation();
  const online = connectionStore.use((s) => s.state === 'online');
  const failed = entry.status === 'failed';
  return (
    <div className="msg-wrap">
      <article
        className={`msg mine pending${failed ? ' failed' : ''}`}
        tabIndex={-1}
        aria-label={t('messages.pendingLabel')}
        data-testid="pending-message"
        data-client-msg-id={entry.clientMsgId}
      >
        <header className="msg-head">
          <span className="name-static">{myName}</span>
          <span className="pending-marker" data-testid="pending-marker">
            {failed
              ? t('messages.failed', {
                  reason: errorText(t, new SocketError((entry.error ?? 'internal') as SocketError['code'], '')),
                })
              : online
                ? t('messages.sending')
                : t('messages.queued')}
          </span>
        </header>
        {entry.body && <MessageBody body={entry.body} myHandle={myHandle} />}
        {entry.attachments && entry.attachments.length > 0 && (
          <ul className="pending-files" aria-label={t('attachments.files', { count: entry.attachments.length })}>
            {entry.attachments.map((a) => (
              <li key={a.uploadId} className="chip">
                {a.name}
              </li>
            ))}
          </ul>
        )}
        {failed && (
          <div className="actions">
            <button type="button" className="button secondary small" onClick={() => retrySend(entry.clientMsgId)}>
              {t('messages.retry')}
            </button>
            <button type="button" className="button secondary small" onClick={() => discardSend(entry.clientMsgId)}>
              {t('messages.discard')}
            </button>
          </div>
        )}
      </article>
    </div>
  );
}
