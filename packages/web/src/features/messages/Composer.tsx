import { Limits, type PublicUser } from '@rounds/protocol';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { membersStore, searchMembers } from '../members/members-store';
import { sendMessage, sendTyping } from './actions';
import { completeMention, mentionQuery, rankCandidates } from './mention';

/** Unsent text per room and thread, kept while the user moves around. */
const drafts = new Map<string, string>();

/**
 * Writing a message: Markdown, Enter sends, Shift+Enter is a new line, `@` suggests members. Sending works
 * offline too: the message waits in the outbox (with a pending marker) until the socket is back.
 */
export function Composer({
  roomId,
  threadRootId = null,
  autoFocus = false,
}: {
  roomId: string;
  threadRootId?: string | null;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const key = `${roomId}:${threadRootId ?? ''}`;
  const [text, setText] = useState(() => drafts.get(key) ?? '');
  const [mention, setMention] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const [remote, setRemote] = useState<PublicUser[]>([]);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const listId = `${id}-mentions`;
  const members = membersStore.use((s) => s[roomId]?.byUser);

  useEffect(() => {
    setText(drafts.get(key) ?? '');
    if (autoFocus) ref.current?.focus();
  }, [key, autoFocus]);

  // Big rooms: members not loaded locally are found by a server search.
  useEffect(() => {
    if (!mention || mention.query.length < 1) return setRemote([]);
    const timer = setTimeout(() => {
      searchMembers(roomId, mention.query)
        .then((list) => setRemote(list.map((m) => m.user)))
        .catch(() => setRemote([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [mention, roomId]);

  const candidates = useMemo(() => {
    if (!mention) return [];
    const local = Object.values(members ?? {}).map((m) => m.user);
    const byId = new Map([...local, ...remote].map((u) => [u.id, u]));
    return rankCandidates([...byId.values()], mention.query, 8);
  }, [mention, members, remote]);
  const open = mention !== null && candidates.length > 0;

  const update = (value: string, caret: number) => {
    setText(value);
    drafts.set(key, value);
    const q = mentionQuery(value, caret);
    setMention(q);
    setActive(0);
    if (value.trim()) sendTyping(roomId, threadRootId);
  };

  const choose = (user: PublicUser) => {
    const el = ref.current;
    if (!el || !mention) return;
    const next = completeMention(text, mention.start, el.selectionStart, user.handle);
    setText(next.text);
    drafts.set(key, next.text);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  const send = () => {
    const body = text.trim();
    if (!body || body.length > Limits.maxMessageChars) return;
    sendMessage(roomId, body, threadRootId);
    setText('');
    drafts.delete(key);
    setMention(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return; // an IME (e.g. pinyin) is composing: Enter picks characters
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : candidates.length - 1)) % candidates.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const c = candidates[active];
        if (c) choose(c);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setMention(null);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  };

  const tooLong = text.length > Limits.maxMessageChars;
  const label = threadRootId ? t('composer.replyLabel') : t('composer.label');
  return (
    <div className="composer" data-testid={threadRootId ? 'thread-composer' : 'composer'}>
      {open && (
        <div
          className="mention-list"
          id={listId}
          role="listbox"
          aria-label={t('composer.mentionList')}
          data-testid="mention-list"
        >
          {candidates.map((u, i) => (
            <div
              key={u.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(u);
              }}
              data-testid="mention-option"
            >
              <strong>@{u.handle}</strong> <span className="muted">{u.displayName}</span>
            </div>
          ))}
        </div>
      )}
      <div className="composer-row">
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {label}
        </label>
        <textarea
          id={`${id}-input`}
          ref={ref}
          value={text}
          rows={1}
          placeholder={threadRootId ? t('composer.replyPlaceholder') : t('composer.placeholder')}
          aria-describedby={`${id}-hint`}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          aria-invalid={tooLong || undefined}
          onChange={(e) => update(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setMention(null), 150)}
          data-testid="composer-input"
        />
        <button
          type="button"
          className="button primary send"
          onClick={send}
          disabled={!text.trim() || tooLong}
          data-testid="send-button"
        >
          {t('composer.send')}
        </button>
      </div>
      <p id={`${id}-hint`} className={tooLong ? 'hint error-text' : 'hint'}>
        {tooLong ? t('composer.tooLong', { max: Limits.maxMessageChars }) : t('composer.hint')}
      </p>
    </div>
  );
}
