import type { EphemeralEvent, RoomEvent } from '@rounds/protocol';
import { resetAttachments } from '../features/attachments/attachments-store';
import {
  checkSession,
  currentUserId,
  notifySessionsChanged,
  onSignOut,
  setMe,
  signedOut,
} from '../features/auth/session';
import { applyMemberEphemeral, applyMemberEvent, resetMembers, stopTyping } from '../features/members/members-store';
import { resetDrafts } from '../features/messages/drafts';
import { applyMessageEvent, peekMessage, resetMessages, resetRoomMessages } from '../features/messages/messages-store';
import { applyListEphemeral, applyRoomEventToList, loadMyRooms, resetRooms } from '../features/rooms/rooms-store';
import { socket } from './socket';

/**
 * The dispatch table: every frame is parsed once in socket.ts, which hands each event here, and this
 * sends it to the features that keep state for it. Components only read those features' stores.
 */
function onRoomEvent(e: RoomEvent, asOf: number): void {
  const me = currentUserId();
  applyRoomEventToList(e, me, e.type === 'message.deleted' ? peekMessage(e.roomId, e.messageId) : undefined);
  switch (e.type) {
    case 'message.created':
      stopTyping(e.roomId, e.message.senderId);
      applyMessageEvent(e, asOf);
      return;
    case 'message.edited':
    case 'message.deleted':
    case 'reaction.added':
    case 'reaction.removed':
      applyMessageEvent(e, asOf);
      return;
    case 'member.joined':
    case 'member.left':
    case 'member.updated':
      applyMemberEvent(e);
      return;
    case 'room.updated':
      return;
  }
}

function onEphemeral(e: EphemeralEvent): void {
  switch (e.type) {
    case 'typing':
    case 'presence':
      applyMemberEphemeral(e, currentUserId());
      return;
    case 'read.updated':
    case 'membership.changed':
      applyListEphemeral(e);
      return;
    case 'session.revoked':
      if (e.sessionId === socket.sessionId) signedOut();
      else notifySessionsChanged();
      return;
  }
}

export function wireSocket(): void {
  socket.setHooks({
    onRoomEvent,
    onEphemeral,
    async onHello(r) {
      setMe(r.user);
      await loadMyRooms();
    },
    onAuthFailed: signedOut,
    onRoomReset: resetRoomMessages,
    onConnectFailing: () => void checkSession(),
  });
  onSignOut(() => {
    resetRooms();
    resetMessages();
    resetMembers();
    resetDrafts();
    resetAttachments();
  });
}
