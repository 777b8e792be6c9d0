import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { outboxStore } from '../../lib/outbox';
import { navigate, paths } from '../../lib/router';
import { Icon } from '../../ui/Icon';
import { DropHint } from '../attachments/DropHint';
import { useAttach, useFileDrop } from '../attachments/useAttach';
import { useMe } from '../auth/session';
import { TypingIndicator } from '../members/TypingIndicator';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';
import { loadThread, useRoomMessages } from './messages-store';
import { PendingItem } from './PendingItem';

/** A thread beside the room (over it on a phone): the root, its replies, and a composer of its own. */
export function ThreadPanel({ roomId, rootId }: { roomId: string; rootId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const rm = useRoomMessages(roomId);
  const thread = rm?.threads[rootId];
  const outbox = outboxStore.use((s) => s);
  const pending = useMemo(
    () => outbox.filter((e) => e.roomId === roomId && e.threadRootId === rootId),
    [outbox, roomId, rootId],
  );
  const ready = rm?.status === 'ready';
  const drop = useFileDrop(useAttach(roomId, rootId));

  useEffect(() => {
    if (ready) void loadThread(roomId, rootId);
  }, [ready, roomId, rootId]);

  const close = () => navigate(paths.room(roomId));
  return (
    <aside
      className="side-panel thread-panel"
      aria-labelledby="thread-h"
      data-testid="thread-panel"
      onKeyDown={(e) => {
        // Escape inside a dialog opened from the thread (the redaction editor) closes only the dialog.
        if (e.key === 'Escape' && !(e.target as HTMLElement).closest('dialog')) close();
      }}
      {...drop.props}
    >
      {drop.over && <DropHint />}
      <header className="panel-head">
        <h2 id="thread-h">{t('thread.title')}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={close}
          aria-label={t('thread.close')}
          data-testid="thread-close"
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="thread-scroll">
        {rm?.byId[rootId] ? (
          <MessageItem roomId={roomId} id={rootId} meId={me.id} myHandle={me.handle} mode="root" />
        ) : (
          <p className="muted pad">
            {thread?.status === 'error' ? t('errors.message_not_found') : t('common.loading')}
          </p>
        )}
        <div className="thread-count muted small">{t('messages.replies', { count: thread?.ids.length ?? 0 })}</div>
        <ol className="thread-replies" aria-label={t('thread.replies')} data-testid="thread-replies">
          {(thread?.ids ?? []).map((id) => (
            <li key={id}>
              <MessageItem roomId={roomId} id={id} meId={me.id} myHandle={me.handle} mode="reply" />
            </li>
          ))}
          {pending.map((e) => (
            <li key={e.clientMsgId}>
              <PendingItem entry={e} myName={me.displayName} myHandle={me.handle} />
            </li>
          ))}
        </ol>
      </div>
      <TypingIndicator roomId={roomId} threadRootId={rootId} />
      <Composer roomId={roomId} threadRootId={rootId} autoFocus />
    </aside>
  );
}
