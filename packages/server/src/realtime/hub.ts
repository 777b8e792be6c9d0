import type { ServerEvent } from '@rounds/protocol';
import type { Presence } from '../context';
import type { Audience, Envelope, Subscriber } from '../events/bus';
import type { Connection } from './connection';
import { frameText } from './frame';
import { Sequencer } from './sequencer';

export type HubStats = { connections: number; published: number; delivered: number; remote: number };

/** Carries published events to other nodes; the in-process hub has none. */
export interface HubTransport {
  send(audience: Audience, json: string, order?: Order): void;
  /** Users online on any node, among those given. */
  online(userIds: readonly string[]): Promise<Set<string>>;
  setOnline(userId: string, online: boolean): void;
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Fan-out. An event is serialized and framed once per node, then the same bytes are written to every
 * local socket in its audience. It is the event bus's socket subscriber: features record events in a unit of
 * work and never touch sockets or the hub.
 */
export class Hub implements Presence {
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly users = new Map<string, Set<Connection>>();
  readonly stats: HubStats = { connections: 0, published: 0, delivered: 0, remote: 0 };
  private lagMs = 0;
  /** Called with the time spent on each local fan-out, in seconds (for metrics). */
  onFanout: ((seconds: number, recipients: number) => void) | undefined;
  private transport: HubTransport | undefined;

  /** Puts each stream's events in seq order at this node; needed only when other nodes commit too. */
  private sequencer: Sequencer | undefined;

  setTransport(transport: HubTransport, holdMs?: number): void {
    this.transport = transport;
    this.sequencer = new Sequencer(holdMs);
  }

  /** Runs whose gap did not fill within the hold time, and runs held now (metrics). */
  orderStats(): { released: number; holding: number } {
    return { released: this.sequencer?.released ?? 0, holding: this.sequencer?.holding ?? 0 };
  }

  /** The bus subscriber that puts committed events on the sockets of this node and, through the transport, of every other node. */
  subscriber(): Subscriber {
    return { name: 'sockets', deliver: (batch) => this.publishMany(batch) };
  }

  /**
   * Delivers a batch in order. Consecutive events for the same audience are framed once each and written to
   * each socket in a single write, so a committed batch of sends costs one write per recipient socket.
   */
  private publishMany(batch: readonly Envelope[]): void {
    let i = 0;
    while (i < batch.length) {
      const first = batch[i] as Envelope;
      const key = audienceKey(first.audience);
      let j = i + 1;
      while (
        j < batch.length &&
        audienceKey((batch[j] as Envelope).audience) === key &&
        !batch[j]?.local === !first.local
      )
        j++;
      const group = batch.slice(i, j);
      const jsons = group.map((e) => JSON.stringify(e.event));
      this.stats.published += jsons.length;
      const order = group.map((e) => orderOf(e.event));
      if (!first.local)
        for (let k = 0; k < jsons.length; k++) this.transport?.send(first.audience, jsons[k] as string, order[k]);
      if (this.sequencer && order[0]) this.offerRuns(first, jsons, order);
      else if (jsons.length === 1) this.deliver(first.audience, jsons[0] as string, first.event);
      else this.deliverFrames(first.audience, jsons);
      i = j;
    }
  }

  /** Hands a group's events to the sequencer as runs of consecutive seqs of one stream (usually one run). */
  private offerRuns(first: Envelope, jsons: string[], order: (Order | undefined)[]): void {
    const sequencer = this.sequencer as Sequencer;
    let k = 0;
    while (k < jsons.length) {
      const o = order[k];
      if (!o) {
        this.deliver(first.audience, jsons[k] as string, undefined);
        k++;
        continue;
      }
      let m = k + 1;
      while (m < jsons.length && order[m]?.stream === o.stream && order[m]?.seq === (order[m - 1] as Order).seq + 1)
        m++;
      const slice = jsons.slice(k, m);
      const audience = first.audience;
      sequencer.offer(o.stream, {
        first: o.seq,
        last: o.seq + slice.length - 1,
        write: () =>
          slice.length === 1
            ? this.deliver(audience, slice[0] as string, undefined)
            : this.deliverFrames(audience, slice),
      });
      k = m;
    }
  }

  /** The sockets of an audience on this node, each once. */
  private targets(audience: Audience): Iterable<Connection> | undefined {
    if ('room' in audience) return this.rooms.get(audience.room);
    if ('user' in audience) return this.users.get(audience.user);
    const all = new Set<Connection>();
    for (const roomId of audience.rooms) for (const conn of this.rooms.get(roomId) ?? []) all.add(conn);
    return all;
  }

  /** Writes already serialized stream events (no control events) as one buffer per socket. */
  private deliverFrames(audience: Audience, jsons: readonly string[]): void {
    const targets = this.targets(audience);
    if (!targets) return;
    const started = performance.now();
    const frame = Buffer.concat(jsons.map(frameText));
    let n = 0;
    for (const conn of targets) {
      conn.writeFrame(frame);
      n++;
    }
    if (n === 0) return;
    this.stats.delivered += n * jsons.length;
    this.onFanout?.((performance.now() - started) / 1000, n);
  }

  /** Delivers an event that arrived from another node; `order` is its stream and seq, when it has one. */
  deliverRemote(audience: Audience, json: string, lagMs = 0, order?: Order): void {
    this.stats.remote++;
    this.lagMs = lagMs;
    // Control events (membership.changed, session.revoked) go to user audiences only: room events, the bulk of
    // the traffic, are written as they came, without parsing.
    const event = 'user' in audience ? (JSON.parse(json) as ServerEvent) : undefined;
    if (order && this.sequencer) {
      this.sequencer.offer(order.stream, {
        first: order.seq,
        last: order.seq,
        write: () => this.deliver(audience, json, event),
      });
    } else {
      this.deliver(audience, json, event);
    }
  }

  /** `event` is the parsed form of `json` when the audience is a user (it may carry a control event). */
  private deliver(audience: Audience, json: string, event: ServerEvent | undefined): void {
    if (event?.type === 'membership.changed' && 'user' in audience) {
      this.applyMembership(audience.user, event.roomId, event.joined);
    }
    const targets = this.targets(audience);
    if (!targets) return;
    if (event?.type === 'session.revoked') {
      for (const conn of [...targets]) {
        if (conn.sessionId !== event.sessionId) continue;
        conn.sendJson(event);
        conn.ws.close(4001, 'session revoked');
      }
      return;
    }
    const started = performance.now();
    const frame = frameText(json);
    let n = 0;
    for (const conn of targets) {
      conn.writeFrame(frame);
      n++;
    }
    if (n === 0) return;
    this.stats.delivered += n;
    this.onFanout?.((performance.now() - started) / 1000, n);
  }

  /** Sends a frame to every local socket (reconnect and resync notices). */
  broadcastLocal(value: unknown): void {
    const frame = frameText(JSON.stringify(value));
    for (const set of this.users.values()) for (const conn of set) conn.writeFrame(frame);
  }

  /** Registers an authenticated socket and its rooms. Returns true when it is the user's first socket here. */
  attach(conn: Connection, roomIds: readonly string[]): boolean {
    let mine = this.users.get(conn.userId);
    const first = !mine;
    if (!mine) {
      mine = new Set();
      this.users.set(conn.userId, mine);
    }
    mine.add(conn);
    this.stats.connections++;
    for (const roomId of roomIds) this.subscribe(conn, roomId);
    if (first) this.transport?.setOnline(conn.userId, true);
    return first;
  }

  /** Forgets a socket. Returns true when it was the user's last socket here. */
  detach(conn: Connection): boolean {
    const mine = this.users.get(conn.userId);
    if (!mine?.delete(conn)) return false;
    this.stats.connections--;
    for (const roomId of conn.rooms) this.unsubscribe(conn, roomId);
    if (mine.size > 0) return false;
    this.users.delete(conn.userId);
    this.transport?.setOnline(conn.userId, false);
    return true;
  }

  private subscribe(conn: Connection, roomId: string): void {
    let set = this.rooms.get(roomId);
    if (!set) {
      set = new Set();
      this.rooms.set(roomId, set);
    }
    set.add(conn);
    conn.rooms.add(roomId);
  }

  private unsubscribe(conn: Connection, roomId: string): void {
    const set = this.rooms.get(roomId);
    set?.delete(conn);
    if (set?.size === 0) this.rooms.delete(roomId);
    conn.rooms.delete(roomId);
  }

  private applyMembership(userId: string, roomId: string, joined: boolean): void {
    for (const conn of this.users.get(userId) ?? []) {
      if (joined) this.subscribe(conn, roomId);
      else this.unsubscribe(conn, roomId);
    }
  }

  /** Which of these users have a socket on any node. */
  async online(userIds: readonly string[]): Promise<Set<string>> {
    if (this.transport) return this.transport.online(userIds);
    return new Set(userIds.filter((id) => this.users.has(id)));
  }

  /** Publication-to-receipt delay of the last event from another node, in ms. */
  remoteLagMs(): number {
    return this.lagMs;
  }

  /** Every local socket, for draining and heartbeats. */
  *connections(): IterableIterator<Connection> {
    for (const set of this.users.values()) yield* set;
  }

  async ready(): Promise<boolean> {
    return this.transport ? this.transport.ready() : true;
  }

  async close(): Promise<void> {
    this.sequencer?.stop();
    await this.transport?.close();
  }
}

function audienceKey(a: Audience): string {
  if ('room' in a) return `r:${a.room}`;
  if ('user' in a) return `u:${a.user}`;
  return `m:${a.rooms.join(',')}`;
}

/** A stream event's place: its stream (the streamId, else the room) and seq. */
export type Order = { stream: string; seq: number };

function orderOf(event: ServerEvent): Order | undefined {
  if (!('seq' in event)) return undefined;
  const stream = 'streamId' in event && typeof event.streamId === 'string' ? event.streamId : event.roomId;
  return { stream, seq: event.seq };
}
