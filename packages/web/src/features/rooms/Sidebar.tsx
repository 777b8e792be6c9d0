import type { MyRoom } from '@rounds/protocol';
import { useTranslation } from 'react-i18next';
import { Link, paths } from '../../lib/router';
import { useMe } from '../auth/session';
import { ProfilePrompt } from '../profile/ProfilePrompt';
import { RoomName } from './RoomName';
import { roomsStore } from './rooms-store';

/** My rooms with unread counts, and the way to the directory and my profile. */
export function Sidebar({ activeRoomId, route }: { activeRoomId: string | undefined; route: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const mine = roomsStore.use((s) => s.mine);
  const loaded = roomsStore.use((s) => s.loaded);
  const rooms = Object.values(mine).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <nav className="sidebar" aria-label={t('nav.main')} data-testid="sidebar">
      <div className="sidebar-head">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" /> Rounds
        </Link>
      </div>
      <div className="sidebar-links">
        <Link
          href="/rooms"
          className={route === 'directory' ? 'nav-link active' : 'nav-link'}
          aria-current={route === 'directory' ? 'page' : undefined}
          data-testid="nav-directory"
        >
          {t('nav.directory')}
        </Link>
        <Link
          href="/profile"
          className={route === 'profile' ? 'nav-link active' : 'nav-link'}
          aria-current={route === 'profile' ? 'page' : undefined}
          data-testid="nav-profile"
        >
          {t('nav.profile')} <span className="muted small">· {me.displayName}</span>
        </Link>
      </div>
      <ProfilePrompt />
      <h2 className="sidebar-title" id="my-rooms-h">
        {t('nav.myRooms')}
      </h2>
      {loaded && rooms.length === 0 && <p className="muted small pad">{t('rooms.noneJoined')}</p>}
      <ul className="room-nav" aria-labelledby="my-rooms-h" data-testid="my-rooms">
        {rooms.map((r) => (
          <RoomNavItem key={r.id} room={r} active={r.id === activeRoomId} />
        ))}
      </ul>
    </nav>
  );
}

function RoomNavItem({ room, active }: { room: MyRoom; active: boolean }) {
  const { t } = useTranslation();
  const unread = room.unreadCount;
  return (
    <li>
      <Link
        href={paths.room(room.id)}
        className={active ? 'room-link active' : unread ? 'room-link unread' : 'room-link'}
        aria-current={active ? 'page' : undefined}
        data-testid={`room-link-${room.id}`}
        data-room-name={room.name}
        title={room.name}
      >
        <span className="room-link-name">
          <RoomName name={room.name} />
        </span>
        {room.mentionCount > 0 && (
          <span className="badge mention">
            <span aria-hidden="true">@{room.mentionCount}</span>
            <span className="visually-hidden">{t('rooms.mentions', { count: room.mentionCount })}</span>
          </span>
        )}
        {unread > 0 && (
          <span className="badge count" data-testid="unread-badge">
            <span aria-hidden="true">{unread > 999 ? '999+' : unread}</span>
            <span className="visually-hidden">{t('rooms.unread', { count: unread })}</span>
          </span>
        )}
      </Link>
    </li>
  );
}
