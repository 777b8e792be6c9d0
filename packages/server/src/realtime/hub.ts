import type { ServerEvent } from '@rounds/protocol';
import type { Connection } from './connection';
import { frameText } from './frame';

/** Who receives a published event: every socket subscribed to a room, or every socket of one user. */
export type Audience = { room: string } | { user: string };

export type HubStats = { connections: number; published: number; delivered: number; remote: number };

/** Carries published events to other nodes; the in-process hub has none. */
export interface HubTransport {
  send(audience: Audience, json: string): void;
  /** Users online on any node, among those given. */
  online(userIds: readonly string[]): Promise<Set<string>>;
  setOnline(userId: string, online: boolean): void;
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Fan-out. An event is serialized and framed once per node, then the same bytes are written to every
 * local socket in its audience. Features publish here and never touch sockets.
 */
export class Hub {
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly users = new Map<string, Set<Connection>>();
  readonly stats: HubStats = { connections: 0, published: 0, delivered: 0, remote: 0 };
  private lagMs = 0;
  /** Called with the time spent on each local fan-out, in seconds (for metrics). */
  onFanout: ((seconds: number, recipients: number) => void) | undefined;
  private transport: HubTransport | undefined;

  setTransport(transport: HubTransport): void {
    this.transport = transport;
  }

  /** Publishes to the audience on this node and, through the transport, on every other node. */
  publish(audience: Audience, event: ServerEvent): void {
    const json = JSON.stringify(event);
    this.stats.published++;
    this.deliver(audience, json, event);
    this.transport?.send(audience, json);
  }

  /**
   * Publishes several events at once. Events with the same audience are framed once each and written to
   * each socket in a single write, so a committed batch of sends costs one write per recipient socket.
   */
  publishMany(items: readonly { audience: Audience; event: ServerEvent }[]): void {
    const groups = new Map<string, { audience: Audience; jsons: string[]; first: ServerEvent }>();
    for (const { audience, event } of items) {
      const key = 'room' in audience ? `r:${audience.room}` : `u:${audience.user}`;
      let g = groups.get(key);
      if (!g) {
        g = { audience, jsons: [], first: event };
        groups.set(key, g);
      }
      g.jsons.push(JSON.stringify(event));
    }
    for (const { audience, jsons, first } of groups.values()) {
      this.stats.published += jsons.length;
      if (jsons.length === 1) this.deliver(audience, jsons[0] as string, first);
      else this.deliverFrames(audience, jsons);
      for (const json of jsons) this.transport?.send(audience, json);
    }
  }

  /** Writes already serialized room events (no control events) as one buffer per socket. */
  deliverFrames(audience: Audience, jsons: readonly string[]): void {
    const targets = 'room' in audience ? this.rooms.get(audience.room) : this.users.get(audience.user);
    if (!targets || targets.size === 0) return;
    const started = performance.now();
    const frame = Buffer.concat(jsons.map(frameText));
    for (const conn of targets) conn.writeFrame(frame);
    this.stats.delivered += targets.size * jsons.length;
    this.onFanout?.((performance.now() - started) / 1000, targets.size);
  }

  /** Delivers an event that arrived from another node. */
  deliverRemote(audience: Audience, json: string, lagMs = 0): void {
    this.stats.remote++;
    this.lagMs = lagMs;
    // Control events (membership.changed, session.revoked) go to user audiences only: room events, the bulk of
    // the traffic, are written as they came, without parsing.
    const event = 'user' in audience ? (JSON.parse(json) as ServerEvent) : undefined;
    this.deliver(audience, json, event);
  }

  /** `event` is the parsed form of `json` when the audience is a user (it may carry a control event). */
  private deliver(audience: Audience, json: string, event: ServerEvent | undefined): void {
    const targets = 'room' in audience ? this.rooms.get(audience.room) : this.users.get(audience.user);
    if (event?.type === 'membership.changed' && 'user' in audience) {
      this.applyMembership(audience.user, event.roomId, event.joined);
    }
    if (!targets || targets.size === 0) return;
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
    for (const conn of targets) conn.writeFrame(frame);
    this.stats.delivered += targets.size;
    this.onFanout?.((performance.now() - started) / 1000, targets.size);
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
    await this.transport?.close();
  }
}
