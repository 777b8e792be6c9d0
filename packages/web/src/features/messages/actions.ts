import { contracts, type Message, streamOf } from '@rounds/protocol';
import { call } from '../../lib/api';
import { type OutboxAttachment, removeFromOutbox } from '../../lib/outbox';
import { socket } from '../../lib/socket';
import { roomsStore } from '../rooms/rooms-store';

/**
 * What the user does to messages. Each goes to the server over the socket (over HTTP while the socket is
 * down); the resulting state comes back as the room event every member receives (the sender included).
 * Sends go through the outbox.
 */
export function sendMessage(
  roomId: string,
  body: string,
  threadRootId: string | null = null,
  attachments: OutboxAttachment[] = [],
): void {
  socket.sendMessage(roomId, body, threadRootId, attachments);
}

const messageParams = (m: Message) => ({ roomId: m.roomId, messageId: m.id });

/**
 * Over the socket when it is up; otherwise over HTTP (the same change through the REST API), then the room
 * is caught up so the resulting event shows without waiting for the socket or the next poll.
 */
async function change(m: Message, overSocket: () => Promise<unknown>, overHttp: () => Promise<unknown>): Promise<void> {
  if (socket.isOnline) {
    await overSocket();
    return;
  }
  await overHttp();
  await socket.syncStream(streamOf(m));
}

export async function editMessage(m: Message, body: string): Promise<void> {
  await change(
    m,
    () => socket.request('message.edit', { roomId: m.roomId, messageId: m.id, body }),
    () => call(contracts.messages.edit, { params: messageParams(m), body: { body } }),
  );
}

export async function deleteMessage(m: Message): Promise<void> {
  await change(
    m,
    () => socket.request('message.delete', { roomId: m.roomId, messageId: m.id }),
    () => call(contracts.messages.delete, { params: messageParams(m) }),
  );
}

export async function toggleReaction(m: Message, emoji: string, meId: string): Promise<void> {
  const mine = m.reactions.some((r) => r.emoji === emoji && r.userIds.includes(meId));
  await change(
    m,
    () => socket.request(mine ? 'reaction.remove' : 'reaction.add', { roomId: m.roomId, messageId: m.id, emoji }),
    () =>
      call(mine ? contracts.messages.removeReaction : contracts.messages.addReaction, {
        params: { ...messageParams(m), emoji },
      }),
  );
}

let lastTyping = 0;
/** Tells the room I am typing, at most every 3 seconds. */
export function sendTyping(roomId: string, threadRootId: string | null): void {
  const now = Date.now();
  if (now - lastTyping < 3000 || !socket.isOnline) return;
  lastTyping = now;
  const payload: Record<string, unknown> = { roomId };
  if (threadRootId) payload.threadRootId = threadRootId;
  socket.request('typing', payload).catch(() => {});
}

const readTimers = new Map<string, ReturnType<typeof setTimeout>>();
const wanted = new Map<string, number>();
/**
 * Moves my read position forward as I read (debounced). The ack and the `read.updated` event that
 * follows update the counts on every device.
 */
export function markRead(roomId: string, seq: number): void {
  const room = roomsStore.get().mine[roomId];
  if (!room || seq <= room.lastReadSeq || seq <= (wanted.get(roomId) ?? 0)) return;
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
  wanted.set(roomId, seq);
  clearTimeout(readTimers.get(roomId));
  readTimers.set(
    roomId,
    setTimeout(() => {
      readTimers.delete(roomId);
      const target = wanted.get(roomId) ?? seq;
      // Over HTTP while the socket is down (the HTTP fallback), so the count clears as the user reads.
      const marked = socket.isOnline
        ? socket.request('read.mark', { roomId, seq: target })
        : call(contracts.messages.markRead, { params: { roomId }, body: { seq: target } });
      marked.then(
        (state) => {
          wanted.delete(roomId);
          roomsStore.set((s) => {
            const r = s.mine[roomId];
            if (!r || state.lastReadSeq < r.lastReadSeq) return s;
            return { ...s, mine: { ...s.mine, [roomId]: { ...r, ...state } } };
          });
        },
        () => wanted.delete(roomId),
      );
    }, 400),
  );
}

/** Re-sends a failed message with its original client id (the server deduplicates). */
export function retrySend(clientMsgId: string): void {
  socket.retry(clientMsgId);
}

export function discardSend(clientMsgId: string): void {
  removeFromOutbox(clientMsgId);
}
