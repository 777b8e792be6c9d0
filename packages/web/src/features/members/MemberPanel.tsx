import type { Member } from '@rounds/protocol';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';
import { openProfile } from '../profile/profile-card';
import { loadMembers, membersStore, searchMembers, sortMembers } from './members-store';

/** Who is in the room: online first, with roles; a search for big rooms. */
export function MemberPanel({ roomId, onClose, onLeave }: { roomId: string; onClose(): void; onLeave(): void }) {
  const { t, i18n } = useTranslation();
  const rm = membersStore.use((s) => s[roomId]);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Member[] | null>(null);

  useEffect(() => {
    void loadMembers(roomId);
  }, [roomId]);

  useEffect(() => {
    const query = q.trim();
    if (!query) return setFound(null);
    const timer = setTimeout(() => {
      searchMembers(roomId, query).then(setFound, () => setFound([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q, roomId]);

  const list = useMemo(() => {
    if (found) return sortMembers(found.map((m) => rm?.byUser[m.user.id] ?? m));
    return sortMembers(Object.values(rm?.byUser ?? {}));
  }, [found, rm]);
  const online = Object.values(rm?.byUser ?? {}).filter((m) => m.online).length;
  const nf = new Intl.NumberFormat(i18n.language);

  return (
    <aside className="side-panel member-panel" aria-labelledby="members-h" data-testid="member-panel">
      <header className="panel-head">
        <h2 id="members-h">
          {t('members.title')} <span className="muted small">({nf.format(rm?.total ?? 0)})</span>
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('members.close')}>
          <Icon name="close" />
        </button>
      </header>
      <p className="muted small pad">{t('members.onlineCount', { count: online })}</p>
      <div className="pad">
        <label htmlFor="member-q" className="visually-hidden">
          {t('members.search')}
        </label>
        <input
          id="member-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('members.search')}
          data-testid="member-search"
        />
      </div>
      <ul className="member-list" data-testid="member-list">
        {list.map((m) => (
          <li key={m.user.id} className="member" data-testid="member" data-user-id={m.user.id}>
            <span className={m.online ? 'presence on' : 'presence'} aria-hidden="true" />
            <button type="button" className="name-button" onClick={() => openProfile(m.user.id)}>
              {m.user.displayName}
              <span className="visually-hidden">, {m.online ? t('members.online') : t('members.offline')}</span>
            </button>
            {m.role !== 'member' && <span className={`role-badge role-${m.role}`}>{t(`roles.${m.role}`)}</span>}
          </li>
        ))}
      </ul>
      {rm && rm.total > Object.keys(rm.byUser).length && !found && (
        <p className="muted small pad">{t('members.more')}</p>
      )}
      <div className="pad">
        <button type="button" className="button secondary small" onClick={onLeave} data-testid="leave-room">
          {t('members.leave')}
        </button>
      </div>
    </aside>
  );
}
