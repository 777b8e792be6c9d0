import type { Room } from '@rounds/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, paths } from '../../lib/router';
import { errorText } from '../../ui/errors';
import { notify } from '../../ui/notice';
import { BackToRooms } from '../rooms/BackToRooms';
import { getRoom } from '../rooms/directory-api';
import { joinRoom } from '../rooms/rooms-store';

/** A room I am not in (opened from a link): what it is, and a way to join. */
export function NotMember({ roomId }: { roomId: string }) {
  const { t, i18n } = useTranslation();
  const [room, setRoom] = useState<Room | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    getRoom(roomId).then(setRoom, (err) => setError(errorText(t, err)));
  }, [roomId, t]);
  const join = async () => {
    setBusy(true);
    try {
      const r = await joinRoom(roomId);
      if (r.overflowed) notify(t('rooms.overflowed', { full: room?.name ?? '', placed: r.room.name }));
      if (r.room.id !== roomId) navigate(paths.room(r.room.id), { replace: true });
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <div className="page" data-testid="not-member">
      <header className="page-head">
        <BackToRooms />
        <h1>{room?.name ?? t('room.title')}</h1>
      </header>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {room && (
        <div className="card">
          {room.topic && <p>{room.topic}</p>}
          {room.description && <p className="muted">{room.description}</p>}
          <p>
            {t('room.members')}: {nf.format(room.memberCount)} / {nf.format(room.capacity)}
          </p>
          <button
            type="button"
            className="button primary"
            onClick={() => void join()}
            disabled={busy}
            data-testid="join-room"
          >
            {t('rooms.join')}
          </button>
        </div>
      )}
    </div>
  );
}
