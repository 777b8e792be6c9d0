import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Audience } from '../events/bus';
import type { Hub, HubTransport, Order } from './hub';

const CHANNEL = 'rounds:events';
const PRESENCE_TTL_MS = 60_000;
const REFRESH_MS = 20_000;

/**
 * Cross-node fan-out over Redis pub/sub: each published event goes to Redis once, and every other node
 * frames it once and writes it to its own sockets. Presence lives in one hash per user (node → expiry), so
 * a node that dies stops counting within a minute. When the subscriber reconnects after an outage, local
 * clients are told to `resync`: events published meanwhile were lost by pub/sub, and sync recovers them.
 */
export class RedisTransport implements HubTransport {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly refresher: NodeJS.Timeout;
  private readonly local = new Set<string>();
  private wasDown = false;
  /** A publish failed: events may be missing on other nodes until this node can tell them to resync. */
  private publishFailed = false;

  constructor(
    url: string,
    private readonly nodeId: string,
    private readonly hub: Hub,
    private readonly log: Logger,
  ) {
    const opts = { maxRetriesPerRequest: 2, retryStrategy: (n: number) => Math.min(50 * 2 ** n, 2000) };
    // No auto-pipelining on this connection: with it, the cross-node presence test failed once (a user's
    // offline presence never came); presence mixes MULTI blocks and plain commands whose order matters.
    this.pub = new Redis(url, { ...opts, enableOfflineQueue: false, lazyConnect: false });
    this.sub = new Redis(url, { ...opts, autoResubscribe: true });
    for (const [name, client] of [
      ['pub', this.pub],
      ['sub', this.sub],
    ] as const) {
      client.on('error', (err) => log.warn({ err: err.message, client: name }, 'redis error'));
    }
    this.sub.on('close', () => {
      this.wasDown = true;
    });
    this.pub.on('ready', () => {
      if (!this.publishFailed) return;
      this.publishFailed = false;
      // Other nodes may have resynced their clients before this node could publish again: ask them again.
      this.pub.publish(CHANNEL, `${this.nodeId}\n${Date.now()}\n*\n`).catch(() => {
        this.publishFailed = true;
      });
    });
    this.sub.on('ready', () => {
      if (!this.wasDown) return;
      this.wasDown = false;
      log.warn('redis is back: telling local clients to resync');
      this.hub.broadcastLocal({ type: 'resync', roomIds: null });
      void this.refresh();
    });
    void this.sub.subscribe(CHANNEL).catch((err) => log.error({ err }, 'redis subscribe failed'));
    this.sub.on('message', (_channel: string, message: string) => this.onMessage(message));
    this.refresher = setInterval(() => void this.refresh(), REFRESH_MS);
    this.refresher.unref();
  }

  send(audience: Audience, json: string, order?: Order): void {
    const target =
      'room' in audience
        ? `r:${audience.room}`
        : 'user' in audience
          ? `u:${audience.user}`
          : `m:${audience.rooms.join(',')}`;
    // The 4th line is the event's `seq@stream` (empty for ephemeral events), so receivers order without parsing.
    const place = order ? `${order.seq}@${order.stream}` : '';
    const message = `${this.nodeId}\n${Date.now()}\n${target}\n${place}\n${json}`;
    this.pub.publish(CHANNEL, message).catch((err: Error) => {
      // Pub/sub is best effort: other nodes' clients recover the event by seq through sync, and are told
      // to resync once this node can publish again.
      this.publishFailed = true;
      this.log.warn({ err: err.message }, 'redis publish failed');
    });
  }

  private onMessage(message: string): void {
    const a = message.indexOf('\n');
    const b = message.indexOf('\n', a + 1);
    const c = message.indexOf('\n', b + 1);
    if (a < 0 || b < 0 || c < 0) return;
    if (message.slice(0, a) === this.nodeId) return;
    const lagMs = Date.now() - Number(message.slice(a + 1, b));
    const target = message.slice(b + 1, c);
    if (target === '*') {
      this.hub.broadcastLocal({ type: 'resync', roomIds: null });
      return;
    }
    const d = message.indexOf('\n', c + 1);
    if (d < 0) return;
    const place = message.slice(c + 1, d);
    const at = place.indexOf('@');
    const order = at > 0 ? { seq: Number(place.slice(0, at)), stream: place.slice(at + 1) } : undefined;
    const audience: Audience = target.startsWith('r:')
      ? { room: target.slice(2) }
      : target.startsWith('m:')
        ? { rooms: target.slice(2).split(',') }
        : { user: target.slice(2) };
    try {
      this.hub.deliverRemote(audience, message.slice(d + 1), lagMs, order);
    } catch (err) {
      this.log.error({ err }, 'bad event from redis');
    }
  }

  setOnline(userId: string, online: boolean): void {
    const key = `rounds:presence:${userId}`;
    if (online) {
      this.local.add(userId);
      this.pub
        .multi()
        .hset(key, this.nodeId, Date.now() + PRESENCE_TTL_MS)
        .pexpire(key, PRESENCE_TTL_MS * 2)
        .exec()
        .catch(() => {});
    } else {
      this.local.delete(userId);
      this.pub.hdel(key, this.nodeId).catch(() => {});
    }
  }

  private async refresh(): Promise<void> {
    if (this.local.size === 0 || this.pub.status !== 'ready') return;
    const until = Date.now() + PRESENCE_TTL_MS;
    const users = [...this.local];
    for (let i = 0; i < users.length; i += 1000) {
      const multi = this.pub.multi();
      for (const id of users.slice(i, i + 1000)) {
        multi.hset(`rounds:presence:${id}`, this.nodeId, until).pexpire(`rounds:presence:${id}`, PRESENCE_TTL_MS * 2);
      }
      await multi.exec().catch(() => {});
    }
  }

  async online(userIds: readonly string[]): Promise<Set<string>> {
    const out = new Set(userIds.filter((id) => this.local.has(id)));
    const rest = userIds.filter((id) => !out.has(id));
    if (rest.length === 0 || this.pub.status !== 'ready') return out;
    const now = Date.now();
    const multi = this.pub.multi();
    for (const id of rest) multi.hvals(`rounds:presence:${id}`);
    const replies = (await multi.exec().catch(() => null)) ?? [];
    replies.forEach(([err, vals], i) => {
      if (!err && (vals as string[]).some((v) => Number(v) > now)) out.add(rest[i] as string);
    });
    return out;
  }

  async ready(): Promise<boolean> {
    try {
      return this.sub.status === 'ready' && (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.refresher);
    const users = [...this.local];
    if (users.length > 0 && this.pub.status === 'ready') {
      const multi = this.pub.multi();
      for (const id of users) multi.hdel(`rounds:presence:${id}`, this.nodeId);
      await multi.exec().catch(() => {});
    }
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
