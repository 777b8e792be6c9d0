import type { Message } from '@rounds/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverLimits } from '../../lib/server-limits';
import { errorText } from '../../ui/errors';
import { editMessage } from './actions';

/** Inline editing of my own message: Enter saves, Shift+Enter is a new line, Escape cancels. */
export function MessageEditor({ message, onDone }: { message: Message; onDone(): void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(message.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }
  }, []);
  const save = async () => {
    const text = body.trim();
    if (!text || text === message.body) return onDone();
    setBusy(true);
    try {
      await editMessage(message, text);
      onDone();
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  };
  return (
    <div className="editor">
      <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
        {t('messages.editLabel')}
      </label>
      <textarea
        id={`edit-${message.id}`}
        ref={ref}
        value={body}
        maxLength={serverLimits().maxMessageChars}
        rows={Math.min(8, body.split('\n').length + 1)}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onDone();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void save();
          }
        }}
        data-testid="edit-input"
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button secondary small" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button primary small"
          onClick={() => void save()}
          disabled={busy}
          data-testid="edit-save"
        >
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}
