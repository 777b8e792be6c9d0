import { type Member, MemberRole, type MyRoom } from '@rounds/protocol';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../ui/errors';
import { notify } from '../../ui/notice';
import { useMe } from '../auth/session';
import {
  loadMembers,
  membersStore,
  removeMember,
  searchMembers,
  setMemberRole,
  sortMembers,
} from '../members/members-store';
import { openProfile } from '../profile/profile-card';
import { AddMember } from './AddMember';

/** Promote members to moderator or expert, or remove them. */
export function MemberRoles({ room }: { room: MyRoom }) {
  const { t } = useTranslation();
  const me = useMe();
  const rm = membersStore.use((s) => s[room.id]);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Member[] | null>(null);
  useEffect(() => {
    void loadMembers(room.id);
  }, [room.id]);
  useEffect(() => {
    if (!q.trim()) return setFound(null);
    const timer = setTimeout(() => searchMembers(room.id, q.trim()).then(setFound, () => setFound([])), 250);
    return () => clearTimeout(timer);
  }, [q, room.id]);
  const list = useMemo(
    () => sortMembers(found ? found.map((m) => rm?.byUser[m.user.id] ?? m) : Object.values(rm?.byUser ?? {})),
    [found, rm],
  );
  const roles = MemberRole.options.filter((r) => r !== 'owner' || room.role === 'owner' || me.role === 'admin');

  return (
    <section className="card" aria-labelledby="roles-h" data-testid="member-roles">
      <h2 id="roles-h">{t('settings.members')}</h2>
      <AddMember roomId={room.id} />
      <div className="field">
        <label htmlFor="roles-q" className="label">
          {t('members.search')}
        </label>
        <input id="roles-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <ul className="roles-list">
        {list.map((m) => (
          <li key={m.user.id} className="roles-item" data-testid="role-row" data-user-id={m.user.id}>
            <button type="button" className="name-button" onClick={() => openProfile(m.user.id)}>
              {m.user.displayName} <span className="muted small">@{m.user.handle}</span>
            </button>
            <label className="compact">
              <span className="visually-hidden">{t('settings.roleOf', { name: m.user.displayName })}</span>
              <select
                value={m.role}
                disabled={m.user.id === me.id}
                onChange={(e) =>
                  setMemberRole(room.id, m.user.id, e.target.value as Member['role']).catch((err) =>
                    notify(errorText(t, err), 'error'),
                  )
                }
                data-testid="role-select"
              >
                {(roles.includes(m.role) ? roles : [m.role, ...roles]).map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            {m.user.id !== me.id && (
              <button
                type="button"
                className="button danger small"
                onClick={() => removeMember(room.id, m.user.id).catch((err) => notify(errorText(t, err), 'error'))}
                aria-label={t('settings.removeMember', { name: m.user.displayName })}
                data-testid="remove-member"
              >
                {t('settings.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
