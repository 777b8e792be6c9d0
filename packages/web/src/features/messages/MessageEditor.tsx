import type { Message } from '@rounds/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverLimits } from '../../lib/server-limits';
import { errorText } from '../../ui/errors';
import { IdentifierWarning } from '../privacy/IdentifierWarning';
import { redactDraft } from '../privacy/identifiers';
import { usePrivacyCheck } from '../privacy/usePrivacyCheck';
import { editMessage } from './actions';

const NO_ITEMS: never[] = [];

/**
 * Inline editing of my own message: Enter saves, Shift+Enter is a new line, Escape cancels. The edit is
 * checked for patient identifiers as a new message is: saving waits for Redact or Save anyway.
 */
export function MessageEditor({ message, onDone }: { message: Message; onDone(): void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(message.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const privacy = usePrivacyCheck(body, NO_ITEMS);
  useEffect(() => {
    const el = ref.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }
  }, []);
  const save = async (anyway = false) => {
    const text = body.trim();
    if (!text || text === message.body) return onDone();
    if (!anyway && privacy.holdsSend()) return;
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
      {privacy.findings.length > 0 && (
        <IdentifierWarning
          findings={privacy.findings}
          held={privacy.held}
          editing
          onRedact={() => {
            const next = redactDraft(body, NO_ITEMS).text;
            setBody(next);
            privacy.recheck(next, NO_ITEMS);
            ref.current?.focus();
          }}
          onSendAnyway={() => {
            privacy.accept();
            void save(true);
          }}
        />
      )}
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
