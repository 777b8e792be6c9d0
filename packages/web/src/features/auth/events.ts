import { events } from '../../lib/event-registry';
import { socket } from '../../lib/socket';
import { loadMyRooms } from '../rooms/rooms-store';
import { checkSession, notifySessionsChanged, setMe, signedOut } from './session';

// The session's side of the socket: who I am after each hello, and what ends the session.
socket.setHooks({
  async onHello(r) {
    setMe(r.user);
    await loadMyRooms();
  },
  onAuthFailed: signedOut,
  onConnectFailing: () => void checkSession(),
});
// My session revoked (here) signs out; another of my sessions revoked refreshes the session list.
events.on('session.revoked', (e) => (e.sessionId === socket.sessionId ? signedOut() : notifySessionsChanged()));
