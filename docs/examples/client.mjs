// A minimal Rounds client (Node 20+, the `ws` package): registers, joins a room, connects, says hello,
// sends, receives its own message back, survives a dropped connection (sync + resend) and marks the room read.
//
//   npm install ws            (inside this repository it is already installed)
//   node docs/examples/client.mjs http://127.0.0.1:3000
//
// ROUNDS_DEBUG=1 prints every frame sent (->) and received (<-). Exits 0 on success, 1 on failure.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

const BASE = (process.argv[2] ?? process.env.ROUNDS_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const SOCKET_URL = `${BASE.replace(/^http/, 'ws')}/api/v1/socket`;
const PROTOCOL_VERSION = 1;
const debug = process.env.ROUNDS_DEBUG ? (dir, frame) => console.log(dir, JSON.stringify(frame)) : () => {};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One REST call under /api/v1. Errors are thrown with the server's {code, message, details}. */
async function rest(method, path, body, token) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${BASE}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  const data = res.status === 204 ? undefined : await res.json();
  if (!res.ok) throw Object.assign(new Error(`${method} ${path}: ${data.error.code}`), data.error);
  return data;
}

/** A failed command: the `error` of an error frame, or a lost connection (code `disconnected`). */
class CommandError extends Error {
  constructor(error) {
    super(`${error.code}: ${error.message}`);
    Object.assign(this, error);
  }
}

/** Adds or removes one user's reaction on a Message (reactions are sets of user ids per emoji). */
function react(message, emoji, userId, on) {
  let r = message.reactions.find((x) => x.emoji === emoji);
  if (on && !r) message.reactions.push((r = { emoji, count: 0, userIds: [] }));
  if (!r || on === r.userIds.includes(userId)) return;
  r.userIds = on ? [...r.userIds, userId] : r.userIds.filter((id) => id !== userId);
  r.count = r.userIds.length;
  if (r.count === 0) message.reactions = message.reactions.filter((x) => x !== r);
}

class RoundsClient {
  constructor(token) {
    this.token = token;
    this.cursors = new Map(); // roomId -> seq of the last room event applied
    this.messages = new Map(); // messageId -> { message, asOf }: asOf = the room seq the snapshot reflects
    this.pending = new Map(); // ref -> { resolve, reject }
    this.syncing = new Set(); // rooms with a sync in progress
    this.stale = new Set(); // rooms that saw a gap while syncing: sync again
    this.listeners = new Set();
    this.nextRef = 1;
    this.stopped = false;
    this.retryAfterMs = 0;
    this.ready = this.connect();
  }

  /** Opens the socket, says hello, and catches up every room. Resolves with the hello ack's data. */
  async connect() {
    const ws = new WebSocket(SOCKET_URL);
    this.ws = ws;
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', (err) => reject(new CommandError({ code: 'disconnected', message: err.message })));
    });
    ws.on('message', (data) => this.onFrame(JSON.parse(data.toString())));
    ws.on('ping', () => this.alive()); // the server pings every heartbeatMs; ws answers with a pong itself
    ws.on('close', (code) => this.onClose(code));
    ws.on('error', () => {}); // a 'close' event follows
    const hello = await this.request({ type: 'hello', version: PROTOCOL_VERSION, token: this.token });
    this.heartbeatMs = hello.heartbeatMs;
    this.alive();
    for (const roomId of [...this.cursors.keys()]) if (!hello.roomIds.includes(roomId)) this.cursors.delete(roomId);
    await Promise.all(hello.roomIds.map((roomId) => this.catchUp(roomId)));
    return hello;
  }

  /** Watchdog: no frame and no ping for two heartbeats means a dead connection; drop it and reconnect. */
  alive() {
    clearTimeout(this.watchdog);
    if (this.heartbeatMs) this.watchdog = setTimeout(() => this.ws.terminate(), 2 * this.heartbeatMs + 5000);
  }

  /** Sends a command with a fresh ref; resolves with the ack's data, rejects with CommandError. */
  request(command) {
    const ref = `r${this.nextRef++}`;
    const frame = { ...command, ref };
    return new Promise((resolve, reject) => {
      if (this.ws.readyState !== WebSocket.OPEN) {
        reject(new CommandError({ code: 'disconnected', message: 'The socket is not open.' }));
        return;
      }
      this.pending.set(ref, { resolve, reject });
      debug('->', frame);
      this.ws.send(JSON.stringify(frame));
    });
  }

  /**
   * Sends a message exactly once. The clientMsgId is chosen once; after a dropped connection or a
   * rate limit the same command is sent again, and the server answers a repeat with `duplicate: true`.
   */
  async send(roomId, body, threadRootId) {
    const command = { type: 'message.send', roomId, clientMsgId: randomUUID(), body };
    if (threadRootId) command.threadRootId = threadRootId;
    for (;;) {
      try {
        await this.ready;
        return await this.request(command);
      } catch (err) {
        if (err.code === 'rate_limited') await sleep(err.details.retryAfterMs);
        else if (err.code === 'disconnected' && !this.stopped) await sleep(100);
        else throw err;
      }
    }
  }

  onFrame(frame) {
    debug('<-', frame);
    this.alive();
    if (frame.type === 'ack' || frame.type === 'error') {
      const waiter = this.pending.get(frame.ref);
      if (!waiter) return console.error('server error', frame.error); // an error without ref: unreadable frame
      this.pending.delete(frame.ref);
      if (frame.type === 'ack') waiter.resolve(frame.data);
      else waiter.reject(new CommandError(frame.error));
      return;
    }
    if (frame.type === 'reconnect') this.retryAfterMs = frame.retryAfterMs; // the server closes with 1012 next
    else if (frame.type === 'resync') for (const id of frame.roomIds ?? this.cursors.keys()) void this.catchUp(id);
    else if (frame.type === 'membership.changed') {
      if (frame.joined) void this.catchUp(frame.roomId);
      else this.cursors.delete(frame.roomId);
    } else if (frame.type === 'session.revoked') this.stopped = true; // the socket closes with 4001 next
    else if ('seq' in frame) this.onRoomEvent(frame);
    for (const listener of this.listeners) listener(frame);
  }

  /** The ordering rule: apply seq == last+1, ignore seq <= last, sync on a gap. */
  onRoomEvent(event) {
    const last = this.cursors.get(event.roomId);
    if (last === undefined || event.seq <= last) return; // unknown room (a sync is coming) or a duplicate
    if (event.seq > last + 1) {
      void this.catchUp(event.roomId);
      return;
    }
    this.apply(event, event.seq);
    this.cursors.set(event.roomId, event.seq);
  }

  /** Syncs a room from its cursor (0 when new) until `hasMore` is false, applying each event in order. */
  async catchUp(roomId) {
    if (this.syncing.has(roomId)) return void this.stale.add(roomId);
    this.syncing.add(roomId);
    try {
      do {
        this.stale.delete(roomId);
        let page;
        do {
          page = await this.request({ type: 'sync', roomId, afterSeq: this.cursors.get(roomId) ?? 0 });
          for (const event of page.events) {
            const last = this.cursors.get(roomId) ?? 0;
            if (event.seq <= last) continue; // applied live while this page was on its way
            this.apply(event, page.lastSeq);
            this.cursors.set(roomId, event.seq);
          }
        } while (page.hasMore);
      } while (this.stale.has(roomId));
    } catch (err) {
      // disconnected: the reconnect syncs again; not_a_member: we left the room meanwhile.
      if (err.code !== 'disconnected' && err.code !== 'not_a_member') console.error(`sync ${roomId}:`, err.message);
    } finally {
      this.syncing.delete(roomId);
    }
  }

  /**
   * Applies one room event to the message store. Message snapshots (message.created, message.edited)
   * carry their state as of `asOf`; a later event changes a message only when its seq is newer than that,
   * because sync sends every message in its current state and then replays the events that led to it.
   */
  apply(event, asOf) {
    const entry = (id) => this.messages.get(id);
    const newer = (id) => entry(id) && event.seq > entry(id).asOf;
    switch (event.type) {
      case 'message.created': {
        const { message } = event;
        this.messages.set(message.id, { message: structuredClone(message), asOf });
        if (message.threadRootId && newer(message.threadRootId)) entry(message.threadRootId).message.replyCount++;
        break;
      }
      case 'message.edited':
        if (!entry(event.message.id) || newer(event.message.id))
          this.messages.set(event.message.id, { message: structuredClone(event.message), asOf: event.seq });
        break;
      case 'message.deleted':
        if (newer(event.messageId)) {
          const { message } = entry(event.messageId);
          const deletedAt = new Date().toISOString(); // the event carries no timestamp: use the time it arrived
          Object.assign(message, { body: '', mentions: [], reactions: [], attachments: [], privacyFlags: [], deletedAt });
        }
        if (event.threadRootId && newer(event.threadRootId)) entry(event.threadRootId).message.replyCount--;
        break;
      case 'reaction.added':
      case 'reaction.removed':
        if (newer(event.messageId))
          react(entry(event.messageId).message, event.emoji, event.userId, event.type === 'reaction.added');
        break;
      // member.joined / member.left / member.updated / room.updated: update member lists and room settings here.
    }
  }

  onClose(code) {
    clearTimeout(this.watchdog);
    for (const { reject } of this.pending.values())
      reject(new CommandError({ code: 'disconnected', message: `The socket closed (${code}).` }));
    this.pending.clear();
    if (this.stopped || code === 4001) return; // stopped by us, or our session was revoked: sign in again
    const wait = this.retryAfterMs || 500 + Math.random() * 1000; // add exponential backoff in a real client
    this.retryAfterMs = 0;
    this.ready = sleep(wait).then(() => this.connect());
    this.ready.catch((err) => {
      if (err.code !== 'disconnected') this.stopped = true; // hello refused (e.g. unauthenticated): give up
      if (this.ws.readyState === WebSocket.OPEN) this.ws.close(); // hello failed: its 'close' retries
      else this.onClose(1006); // could not connect: try again
    });
  }

  /** Resolves with the first frame (from now on) that matches. */
  next(predicate, timeoutMs = 5000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
      const listener = (frame) => {
        if (!predicate(frame)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(frame);
      };
      this.listeners.add(listener);
    });
  }

  close() {
    this.stopped = true;
    clearTimeout(this.watchdog);
    this.ws.close(1000);
  }
}

async function main() {
  // 1. Register (the first account on a new server is its admin). Existing accounts use POST /auth/login.
  const email = `demo-${Date.now()}@example.org`;
  const auth = await rest('POST', '/auth/register', {
    email,
    password: 'a long and unusual passphrase',
    displayName: 'Demo Clinician',
    profession: 'physician',
    country: 'CN',
    languages: ['en', 'zh-Hans'],
    timeZone: 'Asia/Shanghai',
  });
  console.log(`registered @${auth.user.handle} (${auth.user.id}), session ${auth.sessionId}`);

  // 2. Find a room (or create one when allowed) and join it. A full room may place us in a sibling.
  let { rooms } = await rest('GET', '/rooms', undefined, auth.token);
  if (rooms.length === 0 && auth.user.canCreateRooms) {
    rooms = [await rest('POST', '/rooms', { name: 'Rounds demo', topic: 'Trying the protocol' }, auth.token)];
  }
  if (rooms.length === 0) throw new Error('no public room to join on this server');
  const joined = await rest('POST', `/rooms/${rooms[0].id}/join`, undefined, auth.token);
  const roomId = joined.room.id;
  console.log(`joined "${joined.room.name}" (${roomId})${joined.overflowed ? ' (overflow room)' : ''}`);

  // 3. Connect and say hello; the client syncs every room it belongs to.
  const client = new RoundsClient(auth.token);
  const hello = await client.ready;
  console.log(`hello: protocol ${hello.serverVersion}, ${hello.roomIds.length} room(s), heartbeat ${hello.heartbeatMs} ms`);

  // 4. Send, and receive our own message back as a room event.
  const echo = client.next((f) => f.type === 'message.created' && f.message.senderId === auth.user.id);
  const sent = await client.send(roomId, 'Hello from the example client. Is anyone seeing **ARDS** in young adults?');
  const created = await echo;
  console.log(`sent seq ${sent.message.seq} (duplicate: ${sent.duplicate}); received message.created seq ${created.seq}`);

  // 5. Drop the connection; while we are away a message arrives (posted over REST); reconnect and sync.
  const dropped = new Promise((resolve) => client.ws.once('close', resolve));
  client.ws.terminate();
  await dropped;
  const missed = await rest(
    'POST',
    `/rooms/${roomId}/messages`,
    { clientMsgId: randomUUID(), body: 'Posted while the socket was down.' },
    auth.token,
  );
  await client.ready; // onClose reconnected: hello, then sync from the last seq
  if (client.cursors.get(roomId) < missed.message.seq || !client.messages.has(missed.message.id)) {
    throw new Error('the missed message did not arrive through sync');
  }
  console.log(`reconnected; sync brought seq ${missed.message.seq}: "${missed.message.body}"`);

  // 6. Read up to the newest event; the other devices of this user get read.updated.
  const read = await client.request({ type: 'read.mark', roomId, seq: client.cursors.get(roomId) });
  console.log(`read up to seq ${read.lastReadSeq}: ${read.unreadCount} unread, ${read.mentionCount} mentions`);
  client.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
