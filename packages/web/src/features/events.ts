/**
 * Each feature registers, in its events.ts, the handlers for the socket events it keeps state for and its
 * sign-out reset; importing this module wires them all. Handlers of one event type run in this import
 * order: the room list reads a deleted message before the messages feature applies the deletion.
 */
import './rooms/events';
import './members/events';
import './messages/events';
import './attachments/events';
import './auth/events';
