import type { Message } from '@rounds/protocol';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths } from '../../lib/router';
import { errorText } from '../../ui/errors';
import { Icon } from '../../ui/Icon';
import { notify } from '../../ui/notice';
import { useFormatter } from '../../ui/useFormatter';
import { Attachments } from '../media/Attachments';
import { membersStore } from '../members/members-store';
import { PrivacyFlag, useReviewsFlags } from '../privacy/PrivacyFlag';
import { openProfile } from '../profile/profile-card';
import { useUser } from '../users/users-store';
import { deleteMessage } from './actions';
import { MessageBody } from './MessageBody';
import { MessageEditor } from './MessageEditor';
import { useMessage } from './messages-store';
import { ReactionPicker, Reactions } from './Reactions';

type ItemProps = {
  roomId: string;
  id: string;
  meId: string;
  myHandle: string;
  /** The message shown just above (for the day separator), if any. */
  prevId?: string | undefined;
  /** Draw the "new messages" line above this message. */
  firstUnread?: boolean;
  /** `room`: in the main list; `root`: the thread's first message; `reply`: in a thread. */
  mode: 'room' | 'root' | 'reply';
};

/** One message: sender, time, body, reactions, thread summary, and my actions on it. */
export const MessageItem = memo(function MessageItem({
  roomId,
  id,
  meId,
  myHandle,
  prevId,
  firstUnread,
  mode,
}: ItemProps) {
  const { t } = useTranslation();
  const f = useFormatter();
  const m = useMessage(roomId, id);
  const prev = useMessage(roomId, prevId ?? '');
  const sender = useUser(m?.senderId ?? '');
  const role = membersStore.use((s) => (m ? s[roomId]?.byUser[m.senderId]?.role : undefined));
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const reviews = useReviewsFlags(roomId);
  if (!m) return null;
  const mine = m.senderId === meId;
  const deleted = Boolean(m.deletedAt);
  const newDay = mode === 'room' && (!prev || f.dayKey(prev.createdAt) !== f.dayKey(m.createdAt));
  // A run of messages from one person within a few minutes shows the name once (it stays in the accessible name).
  const compact =
    mode === 'room' &&
    !newDay &&
    !firstUnread &&
    prev !== undefined &&
    prev.senderId === m.senderId &&
    !prev.deletedAt &&
    prev.replyCount === 0 &&
    !(reviews && m.privacyFlags.length > 0) &&
    Date.parse(m.createdAt) - Date.parse(prev.createdAt) < 5 * 60_000;
  const name = sender?.displayName ?? t('messages.someone');
  const mentionsMe = m.mentions.includes(meId);
  const labelId = `msg-${m.id}-from`;

  return (
    <div className="msg-wrap">
      {newDay && (
        <div className="day-divider">
          <span>{f.day(m.createdAt)}</span>
        </div>
      )}
      {firstUnread && (
        <div className="unread-divider" data-testid="unread-divider">
          <span>{t('messages.newMessages')}</span>
        </div>
      )}
      <article
        className={`msg${mine ? ' mine' : ''}${mentionsMe ? ' mentions-me' : ''}${deleted ? ' deleted' : ''}${compact ? ' compact' : ''}`}
        tabIndex={-1}
        aria-labelledby={labelId}
        data-testid="message"
        data-message-id={m.id}
        data-seq={m.seq}
        data-mine={mine || undefined}
      >
        <header className="msg-head" id={labelId}>
          <button
            type="button"
            className="name-button"
            onClick={() => openProfile(m.senderId)}
            data-testid="sender-name"
          >
            {name}
          </button>
          {role && role !== 'member' && <span className={`role-badge role-${role}`}>{t(`roles.${role}`)}</span>}
          <time dateTime={m.createdAt} title={f.dateTime(m.createdAt)}>
            {f.time(m.createdAt)}
          </time>
          {!deleted && <PrivacyFlag roomId={roomId} flags={m.privacyFlags} />}
          {m.editedAt && !deleted && (
            <span className="muted small" data-testid="edited-marker">
              ({t('messages.edited')})
            </span>
          )}
        </header>
        {deleted ? (
          <p className="muted deleted-text" data-testid="deleted-placeholder">
            {t('messages.deleted')}
          </p>
        ) : editing ? (
          <MessageEditor message={m} onDone={() => setEditing(false)} />
        ) : (
          <MessageBody body={m.body} myHandle={myHandle} />
        )}
        {!deleted && <Attachments items={m.attachments ?? []} />}
        {!deleted && <Reactions message={m} meId={meId} />}
        {mode === 'room' && m.replyCount > 0 && (
          <button
            type="button"
            className="thread-summary"
            onClick={() => navigate(paths.thread(roomId, m.id))}
            data-testid="thread-summary"
          >
            {t('messages.replies', { count: m.replyCount })}
          </button>
        )}
        {!deleted && !editing && (
          <Actions m={m} meId={meId} mode={mode} onEdit={() => setEditing(true)} onDelete={() => setConfirming(true)} />
        )}
        {confirming && (
          <div className="confirm" role="alertdialog" aria-label={t('messages.deleteConfirm')}>
            <span>{t('messages.deleteConfirm')}</span>
            <button type="button" className="button secondary small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button danger small"
              data-testid="delete-confirm"
              onClick={() => {
                setConfirming(false);
                deleteMessage(m).catch((err) => notify(errorText(t, err), 'error'));
              }}
            >
              {t('common.delete')}
            </button>
          </div>
        )}
      </article>
    </div>
  );
});

function Actions({
  m,
  meId,
  mode,
  onEdit,
  onDelete,
}: {
  m: Message;
  meId: string;
  mode: ItemProps['mode'];
  onEdit(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation();
  const mine = m.senderId === meId;
  return (
    <div className="msg-actions">
      <ReactionPicker message={m} meId={meId} />
      {mode === 'room' && (
        <button
          type="button"
          className="icon-button"
          onClick={() => navigate(paths.thread(m.roomId, m.id))}
          aria-label={t('messages.replyInThread')}
          title={t('messages.replyInThread')}
          data-testid="reply-button"
        >
          <Icon name="reply" />
        </button>
      )}
      {mine && (
        <>
          <button
            type="button"
            className="icon-button"
            onClick={onEdit}
            aria-label={t('messages.edit')}
            title={t('messages.edit')}
            data-testid="edit-button"
          >
            <Icon name="edit" />
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={onDelete}
            aria-label={t('messages.delete')}
            title={t('messages.delete')}
            data-testid="delete-button"
          >
            <Icon name="trash" />
          </button>
        </>
      )}
    </div>
  );
}
