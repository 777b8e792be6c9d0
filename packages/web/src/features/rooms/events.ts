import { events } from '../../lib/event-registry';
import { ROOM_EVENT_TYPES } from '../../lib/socket-types';
import { currentUserId, onSignOut } from '../auth/session';
import { peekMessage } from '../messages/messages-store';
import { applyListEphemeral, applyRoomEventToList, resetRooms } from './rooms-store';

// Counts, names, my role and membership follow every room event. A deletion is judged against the message
// as it was, so this runs before the messages feature applies the deletion (features/events.ts orders it).
events.on(ROOM_EVENT_TYPES, (e) =>
  applyRoomEventToList(
    e,
    currentUserId(),
    e.type === 'message.deleted' ? peekMessage(e.roomId, e.messageId) : undefined,
  ),
);
events.on(['read.updated', 'membership.changed'], applyListEphemeral);
onSignOut(resetRooms);
