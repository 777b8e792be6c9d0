import type { Room, RoomGroup } from '@rounds/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../lib/format';
import { navigate, paths } from '../../lib/router';
import { errorText } from '../../ui/errors';
import { notify } from '../../ui/notice';
import { useMe } from '../auth/session';
import { BackToRooms } from './BackToRooms';
import { CreateRoom } from './CreateRoom';
import { listGroups, listRooms, ROOM_LANGUAGES } from './directory-api';
import { RoomCard } from './RoomCard';
import { joinRoom, roomsStore } from './rooms-store';

/** Find rooms by name, topic and language; join one; create one. */
export function Directory() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mine = roomsStore.use((s) => s.mine);
  const [q, setQ] = useState('');
  const [language, setLanguage] = useState('');
  const [groupId, setGroupId] = useState('');
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [groups, setGroups] = useState<RoomGroup[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    try {
      const [r, g] = await Promise.all([listRooms(q.trim(), language, groupId), listGroups().catch(() => [])]);
      setRooms(r);
      setGroups(g);
      setError('');
    } catch (err) {
      setError(errorText(t, err));
    }
  }, [q, language, groupId, t]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [load]);

  const join = async (room: Room) => {
    setBusy(room.id);
    try {
      const r = await joinRoom(room.id);
      if (r.overflowed) {
        notify(
          r.createdRoom
            ? t('rooms.overflowCreated', { full: room.name, placed: r.room.name })
            : t('rooms.overflowed', { full: room.name, placed: r.room.name }),
        );
      }
      navigate(paths.room(r.room.id));
    } catch (err) {
      notify(errorText(t, err), 'error');
      void load();
    } finally {
      setBusy('');
    }
  };

  const groupById = new Map(groups.map((g) => [g.id, g]));
  const byId = new Map((rooms ?? []).map((r) => [r.id, r]));
  const languages = [...new Set([...ROOM_LANGUAGES, ...(rooms ?? []).map((r) => r.language)])];
  const canCreate = me.canCreateRooms || me.role === 'admin';

  return (
    <div className="page directory" data-testid="directory">
      <header className="page-head">
        <BackToRooms />
        <h1>{t('rooms.directoryTitle')}</h1>
        {canCreate && (
          <button
            type="button"
            className="button primary"
            onClick={() => setCreating(true)}
            data-testid="create-room-open"
          >
            {t('rooms.create')}
          </button>
        )}
      </header>
      <search className="filters" aria-label={t('rooms.filters')}>
        <div className="field grow">
          <label htmlFor="room-q" className="label">
            {t('rooms.search')}
          </label>
          <input
            id="room-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('rooms.searchPlaceholder')}
            data-testid="room-search"
          />
        </div>
        <div className="field">
          <label htmlFor="room-lang" className="label">
            {t('rooms.language')}
          </label>
          <select
            id="room-lang"
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
            data-testid="room-language-filter"
          >
            <option value="">{t('rooms.anyLanguage')}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {displayName(i18n.language, 'language', l)}
              </option>
            ))}
          </select>
        </div>
        {groups.length > 0 && (
          <div className="field">
            <label htmlFor="room-group" className="label">
              {t('rooms.group')}
            </label>
            <select
              id="room-group"
              value={groupId}
              onChange={(e) => setGroupId(e.target.value)}
              data-testid="room-group-filter"
            >
              <option value="">{t('rooms.anyGroup')}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </search>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {rooms === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : rooms.length === 0 && !q.trim() && !language && !groupId ? (
        // A new server: nothing to filter yet, so offer the way to begin rather than "No rooms match."
        <div className="empty-state" data-testid="no-rooms-yet">
          <p>{t('rooms.noRoomsYet')}</p>
          <p className="muted">{t(canCreate ? 'rooms.noRoomsCreate' : 'rooms.noRoomsAsk')}</p>
          {canCreate && (
            <button type="button" className="button" onClick={() => setCreating(true)} data-testid="create-first-room">
              {t('rooms.create')}
            </button>
          )}
        </div>
      ) : rooms.length === 0 ? (
        <p className="muted" data-testid="no-rooms">
          {t('rooms.noResults')}
        </p>
      ) : (
        <ul className="room-cards" aria-label={t('rooms.results', { count: rooms.length })}>
          {rooms.map((room) => {
            const group = room.groupId ? groupById.get(room.groupId) : undefined;
            const siblings = (group?.roomIds ?? [])
              .filter((id) => id !== room.id)
              .map((id) => byId.get(id))
              .filter((r): r is Room => Boolean(r));
            return (
              <RoomCard
                key={room.id}
                room={room}
                group={group}
                siblings={siblings}
                member={Boolean(mine[room.id])}
                busy={busy === room.id}
                onJoin={() => void join(room)}
              />
            );
          })}
        </ul>
      )}
      {creating && <CreateRoom groups={groups} onClose={() => setCreating(false)} />}
    </div>
  );
}
