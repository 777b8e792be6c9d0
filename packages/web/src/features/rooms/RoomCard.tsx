import type { Room, RoomGroup } from '@rounds/protocol';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../lib/format';
import { Link, paths } from '../../lib/router';

/** One room in the directory: who it is for, how full, its group and siblings, and a way in. */
export function RoomCard({
  room,
  group,
  siblings,
  member,
  busy,
  onJoin,
}: {
  room: Room;
  group: RoomGroup | undefined;
  siblings: Room[];
  member: boolean;
  busy: boolean;
  onJoin(): void;
}) {
  const { t, i18n } = useTranslation();
  const full = room.memberCount >= room.capacity;
  const nf = new Intl.NumberFormat(i18n.language);
  const headingId = `room-${room.id}-h`;
  return (
    <li
      className="room-card"
      data-testid="room-card"
      data-room-id={room.id}
      data-room-name={room.name}
      aria-labelledby={headingId}
    >
      <div className="room-card-main">
        <h3 id={headingId} className="room-card-name">
          {member ? <Link href={paths.room(room.id)}>{room.name}</Link> : room.name}
        </h3>
        {room.topic && <p className="room-card-topic">{room.topic}</p>}
        <p className="room-card-meta">
          <span className="chip">{displayName(i18n.language, 'language', room.language)}</span>
          <span className="capacity" data-testid="room-capacity">
            <span aria-hidden="true">
              {nf.format(room.memberCount)} / {nf.format(room.capacity)}
            </span>
            <span className="visually-hidden">
              {t('rooms.capacityLabel', { count: room.memberCount, capacity: room.capacity })}
            </span>
          </span>
          {full && (
            <span className="badge warn" data-testid="room-full">
              {t('rooms.full')}
            </span>
          )}
          {room.visibility === 'invite_only' && <span className="badge">{t('rooms.inviteOnly')}</span>}
        </p>
        {group && (
          <p className="room-card-group small">
            <span className="muted">{t('rooms.group')}:</span> <strong>{group.name}</strong>
            {siblings.length > 0 && (
              <>
                {' · '}
                <span className="muted">{t('rooms.siblings')}:</span>{' '}
                {siblings.map((s, i) => (
                  <span key={s.id}>
                    {i > 0 && ', '}
                    {s.name}{' '}
                    <span className="muted">
                      ({nf.format(s.memberCount)} / {nf.format(s.capacity)})
                    </span>
                  </span>
                ))}
              </>
            )}
          </p>
        )}
      </div>
      <div className="room-card-action">
        {member ? (
          <Link href={paths.room(room.id)} className="button secondary" data-testid="open-room">
            {t('rooms.open')}
          </Link>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={onJoin}
            disabled={busy}
            data-testid="join-room"
            aria-describedby={headingId}
          >
            {full && group?.autoCreate ? t('rooms.joinGroup') : t('rooms.join')}
          </button>
        )}
      </div>
    </li>
  );
}
