import {
  contracts,
  type EphemeralEvent,
  type JoinResult,
  type Message,
  type MyRoom,
  type RoomEvent,
  streamOf,
} from '@rounds/protocol';
import { call } from '../../lib/api';
import { socket } from '../../lib/socket';
import { createStore } from '../../lib/store';

/**
 * The rooms I belong to, with unread and mention counts. `lastSeq` is the newest event the counts
 * account for, so a message replayed by `sync` after a room-list refresh is not counted twice.
 */
type RoomsState = { mine: Record<string, MyRoom>; loaded: boolean };
export const roomsStore = createStore<RoomsState>({ mine: {}, loaded: false });

export function resetRooms(): void {
  roomsStore.set({ mine: {}, loaded: false });
}

let loading: Promise<void> | undefined;
/** Loads my rooms and starts following each room's event stream from the seq the counts include. */
export function loadMyRooms(): Promise<void> {
  loading ??= (async () => {
    try {
      const r = await call(contracts.rooms.listMyRooms, {});
      const mine: Record<string, MyRoom> = {};
      for (const room of r.rooms) mine[room.id] = room;
      for (const id of Object.keys(roomsStore.get().mine)) if (!mine[id]) socket.untrack(streamOf({ roomId: id }));
      roomsStore.set({ mine, loaded: true });
      for (const room of r.rooms) socket.track(streamOf({ roomId: room.id }), room.lastSeq);
    } finally {
      loading = undefined;
    }
  })();
  return loading;
}

function patchRoom(roomId: string, fn: (r: MyRoom) => MyRoom): void {
  roomsStore.set((s) => {
    const cur = s.mine[roomId];
    if (!cur) return s;
    return { ...s, mine: { ...s.mine, [roomId]: fn(cur) } };
  });
}

/**
 * Applies a room event to the list: counts, names, my role, my membership. Unread counts follow PROTOCOL §9.2:
 * top-level messages by others after my marker (mentions include thread replies); a deletion undoes them.
 * `deleted` is the message a `message.deleted` removes, when this client has it loaded.
 */
export function applyRoomEventToList(e: RoomEvent, meId: string, deleted?: Message): void {
  const cur = roomsStore.get().mine[e.roomId];
  if (!cur) return;
  const fresh = e.seq > cur.lastSeq;
  patchRoom(e.roomId, (r) => {
    let next: MyRoom = fresh ? { ...r, lastSeq: e.seq } : r;
    const counts = (m: Message) => m.senderId !== meId && m.seq > r.lastReadSeq && !m.deletedAt;
    switch (e.type) {
      case 'message.created': {
        const m = e.message;
        if (fresh && counts(m)) {
          if (!m.threadRootId) next = { ...next, unreadCount: next.unreadCount + 1 };
          if (m.mentions.includes(meId)) next = { ...next, mentionCount: next.mentionCount + 1 };
        }
        break;
      }
      case 'message.deleted':
        if (fresh && deleted && counts(deleted)) {
          if (!deleted.threadRootId) next = { ...next, unreadCount: Math.max(0, next.unreadCount - 1) };
          if (deleted.mentions.includes(meId)) next = { ...next, mentionCount: Math.max(0, next.mentionCount - 1) };
        }
        break;
      case 'room.updated':
        next = { ...next, ...e.room, lastSeq: next.lastSeq, role: next.role };
        break;
      case 'member.joined':
        if (fresh) next = { ...next, memberCount: next.memberCount + 1 };
        break;
      case 'member.left':
        if (fresh) next = { ...next, memberCount: Math.max(0, next.memberCount - 1) };
        break;
      case 'member.updated':
        if (e.member.user.id === meId) next = { ...next, role: e.member.role };
        break;
      default:
        break;
    }
    return next;
  });
  if (e.type === 'member.left' && e.userId === meId) forgetRoom(e.roomId);
}

function forgetRoom(roomId: string): void {
  socket.untrack(streamOf({ roomId }));
  roomsStore.set((s) => {
    if (!s.mine[roomId]) return s;
    const { [roomId]: _gone, ...rest } = s.mine;
    return { ...s, mine: rest };
  });
}

export function applyListEphemeral(e: EphemeralEvent): void {
  if (e.type === 'read.updated') {
    patchRoom(e.roomId, (r) =>
      e.lastReadSeq < r.lastReadSeq
        ? r
        : { ...r, lastReadSeq: e.lastReadSeq, unreadCount: e.unreadCount, mentionCount: e.mentionCount },
    );
  } else if (e.type === 'membership.changed') {
    if (e.joined) void loadMyRooms();
    else forgetRoom(e.roomId);
  }
}

/** Joins a room; the server may place me in a sibling when it is full. */
export async function joinRoom(roomId: string): Promise<JoinResult> {
  const r = await call(contracts.rooms.joinRoom, { params: { roomId } });
  await loadMyRooms();
  return r;
}

export async function leaveRoom(roomId: string): Promise<void> {
  await call(contracts.rooms.leaveRoom, { params: { roomId } });
  forgetRoom(roomId);
}

export function useMyRoom(roomId: string): MyRoom | undefined {
  return roomsStore.use((s) => s.mine[roomId]);
}

/** Total unread messages across my rooms (the tab title). */
export function totalUnread(s: RoomsState): number {
  let n = 0;
  for (const r of Object.values(s.mine)) n += r.unreadCount;
  return n;
}
