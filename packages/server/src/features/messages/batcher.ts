import type { CoreDeps } from '../../context';
import type { MessageRow } from '../../db/schema';
import { AppError } from '../../errors';
import { metricsOf } from '../../http/metrics';
import { newId } from '../../ids';
import { canPost, canSee } from '../../policies/rooms';
import { toAttachment } from '../media/service';
import { postgresBatchRunner } from './batch-postgres';
import { sqliteBatchRunner } from './batch-sqlite';
import type { BatchRunner, BatchTx } from './batch-tx';
import { toMessage } from './mappers';

/** A validated send, waiting for its batch. */
export type SendJob = {
  senderId: string;
  isAdmin: boolean;
  roomId: string;
  clientMsgId: string;
  body: string;
  threadRootId: string | null;
  /** @handles found in the body; resolved to member ids in the batch. */
  handles: string[];
  /** Uploads to attach, with captions; each must be the sender's, in this room, and not yet attached. */
  attachments: { uploadId: string; caption: string }[];
  /** Identifier kinds the privacy check found. */
  privacyFlags: string[];
};

export type SendOutcome = { row: MessageRow; duplicate: boolean };

type Pending = SendJob & { resolve(o: SendOutcome): void; reject(e: unknown): void };

const MAX_BATCH = 1000;

/**
 * Group commit for message sends: sends that arrive while a batch is being written are written together
 * in the next transaction, and each sender's promise resolves only after that transaction commits.
 * Under light load a batch holds one send and runs at once; under heavy load batches grow by themselves.
 */
export class WriteBatcher {
  private queue: Pending[] = [];
  private running = false;
  private idle: (() => void)[] = [];
  private readonly runner: BatchRunner;
  constructor(private readonly deps: CoreDeps) {
    const { sqlite, wal } = deps.database;
    this.runner = sqlite && wal ? sqliteBatchRunner(deps.db, sqlite, wal) : postgresBatchRunner(deps.db);
  }

  /** Queues a send. Throws (rejects with) room_not_found, not_a_member, thread_root_invalid. */
  submit(job: SendJob): Promise<SendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Resolves when every queued send has been written. */
  flush(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const started = performance.now();
      try {
        const results = await this.runner((tx) => plan(tx, batch));
        metricsOf(this.deps)?.storeBatch.observe((performance.now() - started) / 1000);
        // Grouped by room, in seq order: the hub writes consecutive events of one room to a socket in one write,
        // so a batch costs each recipient one write, not one per message (results are in submission order).
        const created = results
          .filter((r): r is SendOutcome => !(r instanceof AppError) && !r.duplicate)
          .map((r) => r.row)
          .sort((a, b) => (a.room_id === b.room_id ? Number(a.seq) - Number(b.seq) : a.room_id < b.room_id ? -1 : 1));
        metricsOf(this.deps)?.messagesIn.inc(created.length);
        // After commit, before the senders are answered: the committed messages go through the event door.
        this.deps.bus.publish(
          created.map((row) => ({
            audience: { room: row.room_id },
            event: { type: 'message.created', roomId: row.room_id, seq: Number(row.seq), message: toMessage(row) },
          })),
        );
        batch.forEach((job, i) => {
          const r = results[i];
          if (r instanceof AppError) job.reject(r);
          else if (r) job.resolve(r);
        });
      } catch (err) {
        this.deps.log.error({ err, size: batch.length }, 'message batch failed');
        for (const job of batch) job.reject(err);
      }
    }
    this.running = false;
    for (const done of this.idle.splice(0)) done();
  }
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Validates, deduplicates and inserts one batch inside its transaction; one result per job, in order. */
async function plan(tx: BatchTx, batch: Pending[]): Promise<(SendOutcome | AppError)[]> {
  const results: (SendOutcome | AppError | undefined)[] = new Array(batch.length);
  const rooms = await tx.rooms(unique(batch.map((j) => j.roomId)));
  const members = await tx.members(batch.map((j) => [j.roomId, j.senderId]));
  const existing = await tx.existing(batch.map((j) => [j.senderId, j.clientMsgId]));
  const roots = await tx.roots(unique(batch.flatMap((j) => (j.threadRootId ? [j.threadRootId] : []))));
  const handles = await tx.handles(batch.flatMap((j) => j.handles.map((h): [string, string] => [j.roomId, h])));
  const uploads = await tx.media(unique(batch.flatMap((j) => j.attachments.map((a) => a.uploadId))));
  const claimed = new Set<string>();

  const accepted: { index: number; job: Pending }[] = [];
  const firstOfKey = new Map<string, number>();
  const duplicateOf = new Map<number, number>();
  batch.forEach((job, index) => {
    const room = rooms.get(job.roomId);
    const caller = { role: job.isAdmin ? ('admin' as const) : ('user' as const) };
    // The membership's role is not read here: posting needs only membership today (policies/rooms.ts).
    const role = members.has(`${job.roomId}|${job.senderId}`) ? ('member' as const) : null;
    if (!room || !canSee(caller, room, role)) {
      results[index] = new AppError('room_not_found', 'No such room.');
      return;
    }
    if (!role || !canPost(caller, room, role)) {
      results[index] = new AppError('not_a_member', 'Join the room to post in it.');
      return;
    }
    const key = `${job.senderId}|${job.clientMsgId}`;
    const prior = existing.get(key);
    if (prior) {
      results[index] =
        prior.room_id === job.roomId
          ? { row: prior, duplicate: true }
          : new AppError('validation_failed', 'This clientMsgId was already used for a message in another room.');
      return;
    }
    const first = firstOfKey.get(key);
    if (first !== undefined && batch[first]?.roomId !== job.roomId) {
      results[index] = new AppError(
        'validation_failed',
        'This clientMsgId was already used for a message in another room.',
      );
      return;
    }
    if (first !== undefined) {
      duplicateOf.set(index, first);
      return;
    }
    if (job.threadRootId) {
      const root = roots.get(job.threadRootId);
      if (!root || root.room_id !== job.roomId || root.thread_root_id !== null || root.deleted_at !== null) {
        results[index] = new AppError('thread_root_invalid', 'Reply to a live top-level message of this room.');
        return;
      }
    }
    const ids = job.attachments.map((a) => a.uploadId);
    const usable = ids.every((id) => {
      const u = uploads.get(id);
      return (
        u && u.room_id === job.roomId && u.uploader_id === job.senderId && u.message_id === null && !claimed.has(id)
      );
    });
    if (!usable || new Set(ids).size !== ids.length) {
      results[index] = new AppError('upload_not_found', 'An attachment is unknown, already used, or not yours.');
      return;
    }
    for (const id of ids) claimed.add(id);
    firstOfKey.set(key, index);
    accepted.push({ index, job });
  });

  const byRoom = new Map<string, { index: number; job: Pending }[]>();
  for (const a of accepted) {
    const list = byRoom.get(a.job.roomId) ?? [];
    list.push(a);
    byRoom.set(a.job.roomId, list);
  }
  const now = Date.now();
  const rows: MessageRow[] = [];
  const replies = new Map<string, number>();
  const attach: [string, string][] = [];
  for (const roomId of [...byRoom.keys()].sort()) {
    const list = byRoom.get(roomId) ?? [];
    let seq = await tx.allocate(roomId, list.length);
    for (const { index, job } of list) {
      const mentions = unique(job.handles.map((h) => handles.get(`${roomId}|${h}`)).filter((id): id is string => !!id));
      const row: MessageRow = {
        room_id: roomId,
        seq: seq++,
        id: newId(),
        sender_id: job.senderId,
        client_msg_id: job.clientMsgId,
        body: job.body,
        thread_root_id: job.threadRootId,
        reply_count: 0,
        mentions: JSON.stringify(mentions),
        created_at: now,
        edited_at: null,
        deleted_at: null,
        attachments: JSON.stringify(job.attachments.map((a) => toAttachment(uploads.get(a.uploadId)!, a.caption))),
        // File names count too: a picture named after a patient is flagged like a caption would be.
        privacy_flags: JSON.stringify(
          [
            ...new Set([
              ...job.privacyFlags,
              ...job.attachments.flatMap((a) => JSON.parse(uploads.get(a.uploadId)!.identifier_warnings) as string[]),
            ]),
          ].sort(),
        ),
      };
      for (const a of job.attachments) attach.push([a.uploadId, row.id]);
      rows.push(row);
      results[index] = { row, duplicate: false };
      if (job.threadRootId) replies.set(job.threadRootId, (replies.get(job.threadRootId) ?? 0) + 1);
    }
  }
  await tx.insert(rows);
  if (attach.length > 0) await tx.attachMedia(attach, now);
  for (const [rootId, n] of replies) await tx.bumpReplies(rootId, n);
  for (const [index, first] of duplicateOf) {
    const r = results[first];
    results[index] = r instanceof AppError || !r ? r : { row: r.row, duplicate: true };
  }
  return results as (SendOutcome | AppError)[];
}
