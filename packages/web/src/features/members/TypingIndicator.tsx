import { useTranslation } from 'react-i18next';
import { usersStore } from '../users/users-store';
import { typingStore } from './members-store';

/** "Wei is typing…" for the room (or one thread), announced politely to screen readers. */
export function TypingIndicator({ roomId, threadRootId = null }: { roomId: string; threadRootId?: string | null }) {
  const { t } = useTranslation();
  const typing = typingStore.use((s) => s[roomId]);
  const users = usersStore.use((s) => s);
  const names = Object.entries(typing ?? {})
    .filter(([, v]) => v.threadRootId === threadRootId && v.until > Date.now())
    .map(([id]) => users[id]?.displayName ?? t('messages.someone'));
  let text = '';
  if (names.length === 1) text = t('typing.one', { name: names[0] });
  else if (names.length === 2) text = t('typing.two', { a: names[0], b: names[1] });
  else if (names.length > 2) text = t('typing.many', { count: names.length });
  return (
    <div className="typing" aria-live="polite" data-testid="typing-indicator">
      {text}
    </div>
  );
}
