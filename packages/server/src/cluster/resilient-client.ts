import type { Message, RoomEvent, ServerFrame, SyncResult } from '@rounds/protocol';
import WebSocket from 'ws';

type Pending = { resolve(f: ServerFrame): void };

/**
 * A client that follows docs/PROTOCOL.md's recovery rules: applies room events in seq order, syncs on a
 * gap, and on a lost socket reconnects (to the next node in its list), says hello, syncs every room from its
 * last applied seq and resends unacknowledged sends with their client ids.
 */
export class ResilientClient {
  /** Every message this client has seen, by id, in the order first applied. */
  readonly messages = new Map<string, Message>();
  /** Client ids of sends the server acknowledged. */
  readonly acked = new Set<string>();
  readonly lastSeq = new Map<string, number>();
  private readonly outbox = new Map<string, { roomId: string; body: string }>();
  private ws: WebSocket | undefined;
  private refs = 0;
  private pending = new Map<string, Pending>();
  private node = 0;
  private stopped = false;
  private syncing = new Set<string>();
  private syncAgain = new Set<string>();
  reconnects = 0;
  duplicatesSeen = 0;
  /** Live events that skipped past the last applied seq while no sync was running (each costs a sync). */
  gapsSeen = 0;

  constructor(
    private readonly urls: string[],
    private readonly token: string,
    roomIds: string[],
    startNode = 0,
  ) {
    this.node = startNode;
    for (const id of roomIds) this.lastSeq.set(id, 0);
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      const url = this.urls[this.node % this.urls.length] as string;
      try {
        await this.open(url);
        return;
      } catch {
        this.node++;
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 500)));
      }
    }
  }

  private async open(url: string): Promise<void> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('error', () => {});
    this.ws = ws;
    ws.on('message', (data) => this.onFrame(JSON.parse(data.toString()) as ServerFrame));
    ws.on('close', () => {
      for (const p of this.pending.values())
        p.resolve({ type: 'error', error: { code: 'internal', message: 'closed' } });
      this.pending.clear();
      if (this.ws === ws && !this.stopped) {
        this.reconnects++;
        this.node++;
        void this.connect();
      }
    });
    const hello = await this.request({ type: 'hello', version: 1, token: this.token });
    if (hello.type !== 'ack') throw new Error('hello failed');
    await Promise.all([...this.lastSeq.keys()].map((roomId) => this.sync(roomId)));
    for (const [clientMsgId, s] of this.outbox) void this.trySend(clientMsgId, s.roomId, s.body);
  }

  private request(cmd: Record<string, unknown>): Promise<ServerFrame> {
    const ref = `r${++this.refs}`;
    return new Promise((resolve) => {
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        resolve({ type: 'error', error: { code: 'internal', message: 'not connected' } });
        return;
      }
      this.pending.set(ref, { resolve });
      ws.send(JSON.stringify({ ...cmd, ref }));
    });
  }

  private onFrame(f: ServerFrame): void {
    if ((f.type === 'ack' || f.type === 'error') && f.ref !== undefined) {
      const p = this.pending.get(String(f.ref));
      this.pending.delete(String(f.ref));
      p?.resolve(f);
      return;
    }
    if (f.type === 'resync') {
      for (const roomId of this.lastSeq.keys()) void this.sync(roomId);
      return;
    }
    if ('seq' in f && 'roomId' in f && this.lastSeq.has(f.roomId)) this.onEvent(f as RoomEvent);
  }

  private onEvent(e: RoomEvent): void {
    const last = this.lastSeq.get(e.roomId) ?? 0;
    if (e.seq <= last) {
      this.duplicatesSeen++;
      return;
    }
    if (e.seq > last + 1) {
      if (!this.syncing.has(e.roomId)) this.gapsSeen++;
      void this.sync(e.roomId);
      return;
    }
    this.apply(e);
  }

  private apply(e: RoomEvent): void {
    this.lastSeq.set(e.roomId, e.seq);
    if (e.type === 'message.created') {
      if (this.messages.has(e.message.id)) throw new Error(`message ${e.message.id} applied twice`);
      this.messages.set(e.message.id, e.message);
    }
  }

  /** Catches a room up from its last applied seq, page by page. */
  async sync(roomId: string): Promise<void> {
    if (this.syncing.has(roomId)) {
      this.syncAgain.add(roomId);
      return;
    }
    this.syncing.add(roomId);
    try {
      for (;;) {
        const f = await this.request({ type: 'sync', roomId, afterSeq: this.lastSeq.get(roomId) ?? 0, limit: 200 });
        if (f.type !== 'ack') {
          // Refused (rate limit) or the socket went away: try again shortly; a reconnect syncs anyway.
          if (!this.stopped) setTimeout(() => void this.sync(roomId), 250);
          return;
        }
        const page = f.data as SyncResult;
        for (const e of page.events) if (e.seq === (this.lastSeq.get(roomId) ?? 0) + 1) this.apply(e);
        if (!page.hasMore) return;
      }
    } finally {
      this.syncing.delete(roomId);
      if (this.syncAgain.delete(roomId)) void this.sync(roomId);
    }
  }

  /** Sends until acknowledged (resending with the same client id after reconnects). */
  send(roomId: string, clientMsgId: string, body: string): void {
    this.outbox.set(clientMsgId, { roomId, body });
    void this.trySend(clientMsgId, roomId, body);
  }

  private async trySend(clientMsgId: string, roomId: string, body: string): Promise<void> {
    const f = await this.request({ type: 'message.send', roomId, clientMsgId, body });
    if (f.type === 'ack' && this.outbox.delete(clientMsgId)) this.acked.add(clientMsgId);
  }

  get unacked(): number {
    return this.outbox.size;
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }
}
