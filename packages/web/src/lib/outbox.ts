import { type ErrorCode, isRetryable } from '@rounds/protocol';
import { createStore } from './store';

/** An uploaded file a queued message carries: the reference the server takes, plus what the pending view shows. */
export type OutboxAttachment = { uploadId: string; caption: string; name: string; kind: 'image' | 'file' };

/** A message the user sent that the server has not acknowledged yet (shown with a "pending" marker). */
export type OutboxEntry = {
  clientMsgId: string;
  roomId: string;
  body: string;
  threadRootId: string | null;
  attachments?: OutboxAttachment[];
  createdAt: number;
  /** `failed` entries are not re-sent automatically; the user retries or discards them. */
  status: 'queued' | 'sending' | 'failed';
  error?: string;
};

export const outboxStore = createStore<OutboxEntry[]>([]);

const storageKey = (userId: string) => `rounds.outbox.${userId}`;
let persisted: { userId: string; unsubscribe: () => void } | undefined;

/** Entries saved by an earlier page of this user (a reload, a closed tab), ready to be re-sent. */
function readSaved(userId: string): OutboxEntry[] {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    const list: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(list)) return [];
    return list
      .filter(
        (e): e is OutboxEntry =>
          !!e &&
          typeof e === 'object' &&
          typeof e.clientMsgId === 'string' &&
          typeof e.roomId === 'string' &&
          typeof e.body === 'string',
      )
      .map(({ attachments, ...e }) => ({
        ...e,
        threadRootId: typeof e.threadRootId === 'string' ? e.threadRootId : null,
        // Whatever else a stored entry holds is checked by the server when it is sent.
        ...(Array.isArray(attachments) ? { attachments } : {}),
        status: e.status === 'failed' ? 'failed' : 'queued',
      }));
  } catch {
    return [];
  }
}

/**
 * Keeps this user's outbox in localStorage, so a reload or a closed tab loses no unsent message: entries
 * saved earlier are put back (they are re-sent with their client ids after the next hello, and the server
 * deduplicates, so a message that did get through is not posted twice). Cleared at sign-out.
 */
export function persistOutbox(userId: string): void {
  if (persisted?.userId === userId) return;
  persisted?.unsubscribe();
  const saved = readSaved(userId);
  if (saved.length > 0) {
    outboxStore.set((list) => [...saved.filter((s) => !list.some((e) => e.clientMsgId === s.clientMsgId)), ...list]);
  }
  const save = () => {
    try {
      const list = outboxStore.get();
      if (list.length > 0) localStorage.setItem(storageKey(userId), JSON.stringify(list));
      else localStorage.removeItem(storageKey(userId));
    } catch {
      // Storage full or disabled: the outbox still works for this page.
    }
  };
  save();
  persisted = { userId, unsubscribe: outboxStore.subscribe(save) };
}

/** Sign-out: the outbox and its saved copy go (unsent clinical text must not outlive the session). */
export function forgetOutbox(): void {
  if (persisted) {
    persisted.unsubscribe();
    try {
      localStorage.removeItem(storageKey(persisted.userId));
    } catch {
      // nothing saved
    }
  }
  persisted = undefined;
  outboxStore.set([]);
}

export function addToOutbox(entry: Omit<OutboxEntry, 'status' | 'createdAt'>): OutboxEntry {
  const full: OutboxEntry = { ...entry, status: 'queued', createdAt: Date.now() };
  outboxStore.set((list) => [...list, full]);
  return full;
}

export function setOutboxStatus(clientMsgId: string, status: OutboxEntry['status'], error?: string): void {
  outboxStore.set((list) =>
    list.map((e) =>
      e.clientMsgId === clientMsgId ? { ...e, status, ...(error ? { error } : { error: undefined }) } : e,
    ),
  );
}

/** Drops an entry: acknowledged, seen in an event, or discarded by the user. */
export function removeFromOutbox(clientMsgId: string): void {
  outboxStore.set((list) =>
    list.some((e) => e.clientMsgId === clientMsgId) ? list.filter((e) => e.clientMsgId !== clientMsgId) : list,
  );
}

export function findInOutbox(clientMsgId: string): OutboxEntry | undefined {
  return outboxStore.get().find((e) => e.clientMsgId === clientMsgId);
}

/** Entries to (re)send after a (re)connect, oldest first. */
export function resendable(): OutboxEntry[] {
  return outboxStore.get().filter((e) => e.status !== 'failed');
}

/** A fresh client message id; the server deduplicates on (sender, clientMsgId). */
export function newClientMsgId(): string {
  return `c-${crypto.randomUUID()}`;
}

/**
 * Sends one entry as `message.send` with its client id. Acked: it leaves the outbox (the message itself
 * arrives as the room event). Disconnected: queued for the re-send after reconnecting. Rate limited or
 * similar: retried shortly. Refused: marked failed for the user to retry or discard.
 */
export function transmitEntry(
  entry: OutboxEntry,
  send: (payload: Record<string, unknown>) => Promise<unknown>,
  online: () => boolean,
): void {
  if (entry.status === 'sending') return;
  setOutboxStatus(entry.clientMsgId, 'sending');
  const payload: Record<string, unknown> = { roomId: entry.roomId, clientMsgId: entry.clientMsgId, body: entry.body };
  if (entry.threadRootId) payload.threadRootId = entry.threadRootId;
  if (entry.attachments?.length) {
    payload.attachments = entry.attachments.map((a) => ({ uploadId: a.uploadId, caption: a.caption }));
  }
  send(payload).then(
    () => removeFromOutbox(entry.clientMsgId),
    (err: unknown) => {
      if (!findInOutbox(entry.clientMsgId)) return;
      const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : 'internal';
      if (code === 'disconnected') return setOutboxStatus(entry.clientMsgId, 'queued');
      // Failures worth retrying by themselves (the protocol's list); anything else waits for the user.
      if (!isRetryable(code as ErrorCode)) return setOutboxStatus(entry.clientMsgId, 'failed', code);
      setOutboxStatus(entry.clientMsgId, 'queued');
      setTimeout(() => {
        const e = findInOutbox(entry.clientMsgId);
        if (e && e.status === 'queued' && online()) transmitEntry(e, send, online);
      }, 2000);
    },
  );
}
