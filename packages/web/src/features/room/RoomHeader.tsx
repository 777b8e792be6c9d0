import type { MyRoom } from '@rounds/protocol';
import { useTranslation } from 'react-i18next';
import { Link, paths } from '../../lib/router';
import { Icon } from '../../ui/Icon';
import { useMe } from '../auth/session';
import { BackToRooms } from '../rooms/BackToRooms';
import { RoomName } from '../rooms/RoomName';

export function canManage(role: MyRoom['role'], userRole: 'user' | 'admin'): boolean {
  return role === 'owner' || role === 'moderator' || userRole === 'admin';
}

/** Room name and topic, member count, and the buttons for members and settings. */
export function RoomHeader({
  room,
  membersOpen,
  onToggleMembers,
}: {
  room: MyRoom;
  membersOpen: boolean;
  onToggleMembers(): void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <header className="room-header">
      <BackToRooms />
      <div className="room-title">
        <h1 id="room-title" data-testid="room-title" title={room.name}>
          <RoomName name={room.name} />
        </h1>
        {room.topic && (
          <p className="room-topic" data-testid="room-topic">
            {room.topic}
          </p>
        )}
      </div>
      <div className="room-tools">
        <button
          type="button"
          className="button secondary small"
          aria-pressed={membersOpen}
          onClick={onToggleMembers}
          data-testid="members-toggle"
        >
          <Icon name="people" />
          <span className="tool-label">{t('room.members')}</span>{' '}
          <span className="muted count">
            {nf.format(room.memberCount)} / {nf.format(room.capacity)}
          </span>
        </button>
        {canManage(room.role, me.role) && (
          <Link href={paths.settings(room.id)} className="button secondary small" data-testid="room-settings-link">
            <Icon name="gear" />
            <span className="tool-label">{t('room.settings')}</span>
          </Link>
        )}
      </div>
    </header>
  );
}
