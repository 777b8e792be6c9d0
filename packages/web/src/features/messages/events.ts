import { events } from '../../lib/event-registry';
import { onSignOut } from '../auth/session';
import { resetDrafts } from './drafts';
import { applyMessageEvent, resetMessages, resetRoomMessages } from './messages-store';

events.on(
  ['message.created', 'message.edited', 'message.deleted', 'reaction.added', 'reaction.removed'],
  applyMessageEvent,
);
// Every stream is a room today: a reset stream is a room whose loaded history must be dropped.
events.onStreamReset(resetRoomMessages);
onSignOut(resetMessages);
onSignOut(resetDrafts);
