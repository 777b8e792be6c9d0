import type { ServerEvent } from '@rounds/protocol';
import type { Transaction } from 'kysely';
import type { DB, Db } from '../db/schema';
import { allocateSeq, type StreamRef, streamKey } from './seq';
import * as store from './store';

/** An event that takes a place in a stream. */
type SeqEvent = ServerEvent & { seq: number };

/**
 * Appends one event (anything but message.created, which lives in `messages`) to the stream's log with the
 * next seq, for `sync` to replay. Call inside the writing transaction; record the result in the unit's
 * outbox so it is published after commit.
 */
export async function appendEvent<E extends SeqEvent>(
  trx: Transaction<DB>,
  ref: StreamRef,
  make: (seq: number) => E,
): Promise<E> {
  const seq = await allocateSeq(trx, ref);
  const event = make(seq);
  await store.insertStreamEvent(trx, {
    room_id: streamKey(ref),
    seq,
    type: event.type,
    payload: JSON.stringify(event),
    created_at: Date.now(),
  });
  return event;
}

/** Logged events of a stream with seq in (afterSeq, toSeq], ascending. */
export async function loggedEvents<E extends SeqEvent = SeqEvent>(
  db: Db,
  ref: StreamRef,
  afterSeq: number,
  toSeq: number,
): Promise<E[]> {
  const rows = await store.findStreamEvents(db, streamKey(ref), afterSeq, toSeq);
  return rows.map((r) => JSON.parse(r.payload) as E);
}

/** Creates a stream addressed to `roomIds` (a lecture into many rooms). Call inside the writing transaction. */
export async function createStream(trx: Transaction<DB>, id: string, kind: string, roomIds: readonly string[]) {
  await store.insertStream(trx, { id, kind, last_seq: 0, created_at: Date.now() });
  await store.addStreamRooms(trx, id, roomIds);
}

/** The rooms a stream is addressed to: its events go to `{ rooms }` of these, each socket once. */
export async function streamRooms(db: Db, streamId: string): Promise<string[]> {
  return (await store.findStreamRooms(db, streamId)).map((r) => r.room_id);
}

/**
 * The events of a stream other than a room after `afterSeq`, up to `limit`, and its last seq (a room's sync
 * also merges its messages: messages/sync.ts). Undefined when the stream does not exist.
 */
export async function readStream<E extends SeqEvent = SeqEvent>(
  db: Db,
  streamId: string,
  afterSeq: number,
  limit: number,
): Promise<{ events: E[]; lastSeq: number; hasMore: boolean } | undefined> {
  const stream = await store.findStream(db, streamId);
  if (!stream) return undefined;
  const lastSeq = Number(stream.last_seq);
  const toSeq = Math.min(lastSeq, afterSeq + limit);
  const events = toSeq > afterSeq ? await loggedEvents<E>(db, { stream: streamId }, afterSeq, toSeq) : [];
  return { events, lastSeq, hasMore: toSeq < lastSeq };
}
