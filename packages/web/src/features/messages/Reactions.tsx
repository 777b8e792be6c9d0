import type { Message } from '@rounds/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/errors';
import { Icon } from '../../ui/Icon';
import { notify } from '../../ui/notice';
import { toggleReaction } from './actions';

const QUICK_REACTIONS = ['👍', '❤️', '🙏', '✅', '👀', '😮'];

/** The reactions under a message, each a toggle showing its count. */
export function Reactions({ message, meId }: { message: Message; meId: string }) {
  const { t } = useTranslation();
  if (message.reactions.length === 0) return null;
  return (
    <ul className="reactions" aria-label={t('messages.reactions')}>
      {message.reactions.map((r) => {
        const mine = r.userIds.includes(meId);
        return (
          <li key={r.emoji}>
            <button
              type="button"
              className={mine ? 'reaction mine' : 'reaction'}
              aria-pressed={mine}
              aria-label={t('messages.reactionLabel', { emoji: r.emoji, count: r.count })}
              onClick={() => toggleReaction(message, r.emoji, meId).catch((err) => notify(errorText(t, err), 'error'))}
              data-testid="reaction"
              data-emoji={r.emoji}
            >
              <span aria-hidden="true">{r.emoji}</span>{' '}
              <span aria-hidden="true" data-testid="reaction-count">
                {r.count}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** A small menu of quick reactions. */
export function ReactionPicker({ message, meId }: { message: Message; meId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="reaction-picker">
      <button
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-label={t('messages.addReaction')}
        title={t('messages.addReaction')}
        onClick={() => setOpen(!open)}
        data-testid="react-button"
      >
        <Icon name="smile" />
      </button>
      {open && (
        <fieldset className="reaction-menu">
          <legend className="visually-hidden">{t('messages.addReaction')}</legend>
          {QUICK_REACTIONS.map((e) => (
            <button
              key={e}
              type="button"
              className="icon-button"
              aria-label={t('messages.reactWith', { emoji: e })}
              onClick={() => {
                setOpen(false);
                toggleReaction(message, e, meId).catch((err) => notify(errorText(t, err), 'error'));
              }}
              data-testid={`react-${e}`}
            >
              {e}
            </button>
          ))}
        </fieldset>
      )}
    </div>
  );
}
