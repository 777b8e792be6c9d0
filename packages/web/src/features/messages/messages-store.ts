import { contracts, type Message, type RoomEvent } from '@rounds/protocol';
import { call } from '../../lib/api';
import { createStore } from '../../lib/store';
import {
  applyCreated,
  applyDeleted,
  applyEdited,
  applyReaction,
  emptyRoom,
  findFirstUnread,
  mergePage,
  type RoomMessages,
} from './reducer';

/** Loaded messages per room. Rooms stay loaded (and live) once opened. */
const messagesStore = createStore<Record<string, RoomMessages>>({});

export function resetMessages(): void {
  messagesStore.set({});
}

function update(roomId: string, fn: (rm: RoomMessages) => RoomMessages): void {
  messagesStore.set((s) => {
    const cur = s[roomId];
    if (!cur) return s;
    const next = fn(cur);
    return next === cur ? s : { ...s, [roomId]: next };
  });
}

const PAGE = 50;
/** How far back the first load goes to reach the first unread message. */
const MAX_UNREAD_PAGES = 8;

/**
 * Opens a room: the newest page, then older pages until the first unread message is loaded (so the
 * list can jump to it). Live events apply to the room from the moment it is created here.
 */
export async function openRoom(roomId: string, lastReadSeq: number, meId: string): Promise<void> {
  const existing = messagesStore.get()[roomId];
  if (existing && existing.status !== 'error') {
    if (existing.status === 'ready')
      update(roomId, (rm) => ({ ...rm, firstUnreadSeq: findFirstUnread(rm, lastReadSeq, meId) }));
    return;
  }
  messagesStore.set((s) => ({ ...s, [roomId]: emptyRoom() }));
  try {
    let page = await call(contracts.messages.history, { params: { roomId }, query: { limit: PAGE } });
    update(roomId, (rm) => ({ ...mergePage(rm, page.messages), hasOlder: page.hasMore }));
    for (let i = 0; i < MAX_UNREAD_PAGES && page.hasMore; i++) {
      const oldest = page.messages[0];
      if (!oldest || oldest.seq <= lastReadSeq + 1) break;
      page = await call(contracts.messages.history, { params: { roomId }, query: { before: oldest.seq, limit: 100 } });
      update(roomId, (rm) => ({ ...mergePage(rm, page.messages), hasOlder: page.hasMore }));
    }
    update(roomId, (rm) => ({
      ...rm,
      status: 'ready',
      anchorId: rm.ids[0] ?? null,
      firstUnreadSeq: findFirstUnread(rm, lastReadSeq, meId),
    }));
  } catch {
    update(roomId, (rm) => ({ ...rm, status: 'error' }));
  }
}

/** Loads the page before the oldest loaded message (scrolling up). */
export async function loadOlder(roomId: string): Promise<void> {
  const rm = messagesStore.get()[roomId];
  if (rm?.status !== 'ready' || rm.loadingOlder || !rm.hasOlder) return;
  const oldest = rm.ids[0] ? rm.byId[rm.ids[0]] : undefined;
  if (!oldest) return;
  update(roomId, (r) => ({ ...r, loadingOlder: true }));
  try {
    const page = await call(contracts.messages.history, {
      params: { roomId },
      query: { before: oldest.seq, limit: PAGE },
    });
    update(roomId, (r) => ({ ...mergePage(r, page.messages), hasOlder: page.hasMore, loadingOlder: false }));
  } catch {
    update(roomId, (r) => ({ ...r, loadingOlder: false }));
  }
}

/** Loads a thread's root (if needed) and all its replies. */
export async function loadThread(roomId: string, rootId: string): Promise<void> {
  const rm = messagesStore.get()[roomId];
  if (!rm || rm.threads[rootId]?.status === 'ready') return;
  update(roomId, (r) => ({
    ...r,
    threads: { ...r.threads, [rootId]: { ids: r.threads[rootId]?.ids ?? [], status: 'loading' } },
  }));
  try {
    if (!rm.byId[rootId]) {
      const root = await call(contracts.messages.get, { params: { roomId, messageId: rootId } });
      update(roomId, (r) => (r.byId[root.id] ? r : { ...r, byId: { ...r.byId, [root.id]: root } }));
    }
    let after = 0;
    for (let i = 0; i < 20; i++) {
      const page = await call(contracts.messages.thread, {
        params: { roomId, messageId: rootId },
        query: { after, limit: 200 },
      });
      update(roomId, (r) => mergePage(r, page.messages, rootId));
      const last = page.messages[page.messages.length - 1];
      if (!page.hasMore || !last) break;
      after = last.seq;
    }
    update(roomId, (r) => ({
      ...r,
      threads: { ...r.threads, [rootId]: { ids: r.threads[rootId]?.ids ?? [], status: 'ready' } },
    }));
  } catch {
    update(roomId, (r) => ({
      ...r,
      threads: { ...r.threads, [rootId]: { ids: r.threads[rootId]?.ids ?? [], status: 'error' } },
    }));
  }
}

/** History before the room's current seq can no longer be replayed: drop it; it reloads when opened. */
export function resetRoomMessages(roomId: string): void {
  messagesStore.set((s) => {
    if (!s[roomId]) return s;
    const { [roomId]: _dropped, ...rest } = s;
    return rest;
  });
}

/**
 * Applies a room event to the loaded messages (no-op for rooms not opened yet). `asOf` is the seq a
 * `message.created` snapshot reflects: its own seq live, the sync's `lastSeq` when replayed.
 */
export function applyMessageEvent(e: RoomEvent, asOf: number): void {
  switch (e.type) {
    case 'message.created':
      update(e.roomId, (rm) => applyCreated(rm, e.message, asOf));
      break;
    case 'message.edited':
      update(e.roomId, (rm) => applyEdited(rm, e.message, e.seq));
      break;
    case 'message.deleted':
      update(e.roomId, (rm) => applyDeleted(rm, e.messageId, e.threadRootId, e.seq, new Date().toISOString()));
      break;
    case 'reaction.added':
    case 'reaction.removed':
      update(e.roomId, (rm) => applyReaction(rm, e.messageId, e.emoji, e.userId, e.type === 'reaction.added', e.seq));
      break;
    default:
      break;
  }
}

/** A loaded message, if any (to judge what a deletion undoes in the unread counts). */
export function peekMessage(roomId: string, id: string): Message | undefined {
  return messagesStore.get()[roomId]?.byId[id];
}

export function useRoomMessages(roomId: string): RoomMessages | undefined {
  return messagesStore.use((s) => s[roomId]);
}

export function useMessage(roomId: string, id: string): Message | undefined {
  return messagesStore.use((s) => s[roomId]?.byId[id]);
}
