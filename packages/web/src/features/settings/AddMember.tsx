import { contracts, type PublicUser } from '@rounds/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { errorText } from '../../ui/errors';
import { notify } from '../../ui/notice';
import { membersStore } from '../members/members-store';
import { searchUsers } from '../users/users-store';

/** Owners and moderators add people directly (how invite-only rooms fill). */
export function AddMember({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const members = membersStore.use((s) => s[roomId]?.byUser);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PublicUser[]>([]);
  const [busy, setBusy] = useState('');

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) return setFound([]);
    const timer = setTimeout(() => searchUsers(query).then(setFound, () => setFound([])), 250);
    return () => clearTimeout(timer);
  }, [q]);

  const add = async (u: PublicUser) => {
    setBusy(u.id);
    try {
      await call(contracts.rooms.addMember, { params: { roomId }, body: { userId: u.id } });
      notify(t('settings.added', { name: u.displayName }));
      setQ('');
    } catch (err) {
      notify(errorText(t, err), 'error');
    } finally {
      setBusy('');
    }
  };

  const candidates = found.filter((u) => !members?.[u.id]).slice(0, 8);
  return (
    <div className="add-member">
      <div className="field">
        <label htmlFor="add-member-q" className="label">
          {t('settings.addMember')}
        </label>
        <input
          id="add-member-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('settings.addMemberPlaceholder')}
          data-testid="add-member-search"
        />
      </div>
      {candidates.length > 0 && (
        <ul className="roles-list">
          {candidates.map((u) => (
            <li key={u.id} className="roles-item">
              <span className="grow">
                {u.displayName} <span className="muted small">@{u.handle}</span>
              </span>
              <button
                type="button"
                className="button secondary small"
                disabled={busy === u.id}
                onClick={() => void add(u)}
                data-testid="add-member"
              >
                {t('common.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
