import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SignIn } from './features/auth/SignIn';
import { SignUp } from './features/auth/SignUp';
import { sessionStore } from './features/auth/session';
import { ConnectionBanner } from './features/connection/ConnectionBanner';
import { ProfileCard } from './features/profile/ProfileCard';
import { ProfilePage } from './features/profile/ProfilePage';
import { RoomView } from './features/room/RoomView';
import { Directory } from './features/rooms/Directory';
import { Sidebar } from './features/rooms/Sidebar';
import { useTabTitle } from './features/rooms/useTabTitle';
import { RoomSettings } from './features/settings/RoomSettings';
import { Link, navigate, parseRoute, type Route, usePath } from './lib/router';
import { Notice } from './ui/Notice';

export function App() {
  const { t } = useTranslation();
  const status = sessionStore.use((s) => s.status);
  const route = parseRoute(usePath());
  const authRoute = route.name === 'signin' || route.name === 'signup';

  useEffect(() => {
    if (status === 'signed-out' && !authRoute) navigate('/signin', { replace: true });
    if (status === 'signed-in' && authRoute) navigate('/', { replace: true });
  }, [status, authRoute]);

  if (status === 'loading') return <p className="splash muted">{t('common.loading')}</p>;
  if (status === 'signed-out') return route.name === 'signup' ? <SignUp /> : <SignIn />;
  if (authRoute) return null;
  return <Shell route={route} />;
}

function Shell({ route }: { route: Route }) {
  const { t } = useTranslation();
  useTabTitle();
  const activeRoomId = route.name === 'room' || route.name === 'settings' ? route.roomId : undefined;
  // On a phone the room list (home) and everything else are separate views.
  const view = route.name === 'home' ? 'list' : 'detail';
  return (
    <div className="shell" data-view={view}>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <ConnectionBanner />
      <Notice />
      <div className="shell-body">
        <Sidebar activeRoomId={activeRoomId} route={route.name} />
        <main id="main" className="main" tabIndex={-1}>
          <Content route={route} />
        </main>
      </div>
      <ProfileCard />
    </div>
  );
}

function Content({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'home':
    case 'directory':
      return <Directory />;
    case 'profile':
      return <ProfilePage />;
    case 'room':
      return <RoomView roomId={route.roomId} threadId={route.threadId} />;
    case 'settings':
      return <RoomSettings roomId={route.roomId} />;
    default:
      return (
        <div className="page">
          <h1>{t('nav.notFound')}</h1>
          <Link href="/">{t('nav.backToRooms')}</Link>
        </div>
      );
  }
}
