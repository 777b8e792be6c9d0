import { events } from '../../lib/event-registry';
import { currentUserId, onSignOut } from '../auth/session';
import { applyMemberEphemeral, applyMemberEvent, resetMembers, stopTyping } from './members-store';

// A message from someone ends their typing indicator at once, not when it times out.
events.on('message.created', (e) => stopTyping(e.roomId, e.message.senderId));
events.on(['member.joined', 'member.left', 'member.updated'], applyMemberEvent);
events.on(['typing', 'presence'], (e) => applyMemberEphemeral(e, currentUserId()));
onSignOut(resetMembers);
