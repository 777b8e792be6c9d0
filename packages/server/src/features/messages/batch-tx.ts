import type { MediaRow, MessageRow } from '../../db/schema';

/** A room as the write path needs it. */
export type RoomLite = { id: string; visibility: string };
export type RootLite = { id: string; room_id: string; thread_root_id: string | null; deleted_at: number | null };

/**
 * The queries one batch of sends needs, inside one transaction. SQLite answers them synchronously with
 * prepared statements; PostgreSQL with a few set-based queries. Keys: `${roomId}|${userId}` for members,
 * `${senderId}|${clientMsgId}` for existing messages, `${roomId}|${handle}` for mentionable members.
 */
export interface BatchTx {
  rooms(ids: string[]): Promise<Map<string, RoomLite>>;
  members(pairs: [roomId: string, userId: string][]): Promise<Set<string>>;
  existing(pairs: [senderId: string, clientMsgId: string][]): Promise<Map<string, MessageRow>>;
  roots(ids: string[]): Promise<Map<string, RootLite>>;
  handles(pairs: [roomId: string, handle: string][]): Promise<Map<string, string>>;
  /** Takes `n` seqs of the room; returns the first. Rooms are allocated in sorted order (no deadlocks). */
  allocate(roomId: string, n: number): Promise<number>;
  media(ids: string[]): Promise<Map<string, MediaRow>>;
  /** Marks uploads as taken by a message. */
  attachMedia(pairs: [mediaId: string, messageId: string][], at: number): Promise<void>;
  insert(rows: MessageRow[]): Promise<void>;
  bumpReplies(rootId: string, n: number): Promise<void>;
}

/** Runs `fn` in one write transaction. */
export type BatchRunner = <T>(fn: (tx: BatchTx) => Promise<T>) => Promise<T>;
