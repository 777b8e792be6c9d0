import type { PublicUser } from '@rounds/protocol';
import { type KeyboardEvent, type RefObject, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { membersStore, searchMembers } from '../members/members-store';
import { completeMention, mentionQuery, rankCandidates } from './mention';

/**
 * `@` suggestions for a textarea: which members match what is typed after `@`, keyboard choice
 * (↑/↓, Enter or Tab, Escape), and the listbox to render above the input.
 */
export function useMentionPicker({
  roomId,
  listId,
  input,
  text,
  onText,
}: {
  roomId: string;
  listId: string;
  input: RefObject<HTMLTextAreaElement | null>;
  text: string;
  onText(next: string): void;
}) {
  const { t } = useTranslation();
  const [mention, setMention] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const [remote, setRemote] = useState<PublicUser[]>([]);
  const members = membersStore.use((s) => s[roomId]?.byUser);

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

  const choose = (user: PublicUser) => {
    const el = input.current;
    if (!el || !mention) return;
    const next = completeMention(text, mention.start, el.selectionStart, user.handle);
    onText(next.text);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  };

  /** Call on every change of the text, with the caret position. */
  const track = (value: string, caret: number) => {
    setMention(mentionQuery(value, caret));
    setActive(0);
  };

  /** Handles the key if the list is open; returns true when it did. */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : candidates.length - 1)) % candidates.length);
      return true;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      const c = candidates[active];
      if (c) choose(c);
      return true;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setMention(null);
      return true;
    }
    return false;
  };

  const list = open ? (
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
  ) : null;

  return {
    open,
    list,
    track,
    onKeyDown,
    close: () => setMention(null),
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? `${listId}-${active}` : undefined,
    },
  };
}
