import {
  MessageCreated,
  MessageDeleted,
  MessageEdited,
  ReactionAdded,
  ReadUpdated,
  type RoomEvent,
  SentResult,
  SyncResult,
  Typing,
} from '@rounds/protocol';
import { describe, expect, it } from 'vitest';
import { api, registerUser, type TestSocket } from '../../test/client';
import { connectAll, roomWithMembers } from '../../test/fixtures';
import { startTestServer } from '../../test/server';

const send = (sock: TestSocket, roomId: string, body: string, extra: Record<string, unknown> = {}) =>
  sock.call({ type: 'message.send', roomId, clientMsgId: `c-${Math.random()}`, body, ...extra });

describe('messaging over the socket', () => {
  it('two clinicians chat live; events carry gapless seqs and parse strictly', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [a, b] = await connectAll(srv, [owner, members[0]!]);
    const sent = SentResult.parse(await send(a!, roomId, 'How do you disinfect the CT room between patients?'));
    expect(sent.duplicate).toBe(false);
    const seen = MessageCreated.parse(await b!.waitFor((f) => f.type === 'message.created'));
    expect(seen.message.body).toBe('How do you disinfect the CT room between patients?');
    expect(seen.seq).toBe(sent.message.seq);
    await send(b!, roomId, 'Chlorine 1000 mg/L, then UV for 30 minutes.');
    const reply = MessageCreated.parse(
      await a!.waitFor((f) => f.type === 'message.created' && f.message.senderId === members[0]!.user.id),
    );
    expect(reply.seq).toBe(sent.message.seq + 1);
    a!.close();
    b!.close();
  });

  it('threads: replies stay out of the timeline, count on the root, list in the thread', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [a, b] = await connectAll(srv, [owner, members[0]!]);
    const root = SentResult.parse(await send(a!, roomId, 'N95 reuse after decontamination?'));
    const r1 = SentResult.parse(await send(b!, roomId, 'We use vaporized H2O2.', { threadRootId: root.message.id }));
    expect(r1.message.threadRootId).toBe(root.message.id);
    const live = MessageCreated.parse(
      await a!.waitFor((f) => f.type === 'message.created' && f.message.threadRootId === root.message.id),
    );
    expect(live.message.body).toBe('We use vaporized H2O2.');
    const nested = await a!.request({
      type: 'message.send',
      roomId,
      clientMsgId: 'nested',
      body: 'x',
      threadRootId: r1.message.id,
    });
    expect(nested.type === 'error' && nested.error.code).toBe('thread_root_invalid');
    const timeline = await api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, owner.token);
    expect(timeline.body.messages.map((m: { id: string }) => m.id)).toEqual([root.message.id]);
    expect(timeline.body.messages[0].replyCount).toBe(1);
    const thread = await api(
      srv.url,
      'GET',
      `/rooms/${roomId}/messages/${root.message.id}/thread`,
      undefined,
      owner.token,
    );
    expect(thread.body.messages.map((m: { id: string }) => m.id)).toEqual([r1.message.id]);
  });

  it('edits, deletes and reactions are seen live by the other member', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [a, b] = await connectAll(srv, [owner, members[0]!]);
    const m = SentResult.parse(await send(a!, roomId, 'Dose: 400 mg')).message;
    await a!.call({ type: 'message.edit', roomId, messageId: m.id, body: 'Dose: 200 mg twice daily' });
    const edited = MessageEdited.parse(await b!.waitFor((f) => f.type === 'message.edited'));
    expect([edited.message.body, edited.seq]).toEqual(['Dose: 200 mg twice daily', m.seq + 1]);
    expect(edited.message.editedAt).not.toBeNull();
    await b!.call({ type: 'reaction.add', roomId, messageId: m.id, emoji: '👍' });
    const again = await b!.call({ type: 'reaction.add', roomId, messageId: m.id, emoji: '👍' });
    expect(again.seq).toBeNull();
    const reacted = ReactionAdded.parse(await a!.waitFor((f) => f.type === 'reaction.added'));
    expect([reacted.emoji, reacted.userId]).toEqual(['👍', members[0]!.user.id]);
    const other = await b!.request({ type: 'message.edit', roomId, messageId: m.id, body: 'hijack' });
    expect(other.type === 'error' && other.error.code).toBe('not_message_author');
    const otherDelete = await b!.request({ type: 'message.delete', roomId, messageId: m.id });
    expect(otherDelete.type === 'error' && otherDelete.error.code).toBe('not_message_author');
    await a!.call({ type: 'message.delete', roomId, messageId: m.id });
    const deleted = MessageDeleted.parse(await b!.waitFor((f) => f.type === 'message.deleted'));
    expect(deleted.messageId).toBe(m.id);
    const after = await api(srv.url, 'GET', `/rooms/${roomId}/messages/${m.id}`, undefined, owner.token);
    expect([after.body.body, after.body.reactions, after.body.deletedAt !== null]).toEqual(['', [], true]);
    const editDeleted = await a!.request({ type: 'message.edit', roomId, messageId: m.id, body: 'again' });
    expect(editDeleted.type === 'error' && editDeleted.error.code).toBe('message_deleted');
  });

  it('a retried send with the same client id returns the original, never a duplicate', async () => {
    await using srv = await startTestServer();
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const [a] = await connectAll(srv, [owner]);
    const cmd = { type: 'message.send', roomId, clientMsgId: 'retry-1', body: 'once' };
    const [x, y] = await Promise.all([a!.call(cmd), a!.call(cmd)]);
    const z = await a!.call(cmd);
    const rest = await api(
      srv.url,
      'POST',
      `/rooms/${roomId}/messages`,
      { clientMsgId: 'retry-1', body: 'once' },
      owner.token,
    );
    expect(rest.status).toBe(200);
    const ids = new Set([x.message.id, y.message.id, z.message.id, rest.body.message.id]);
    expect(ids.size).toBe(1);
    expect([x.duplicate || y.duplicate, z.duplicate, rest.body.duplicate]).toEqual([true, true, true]);
    const page = await api(srv.url, 'GET', `/rooms/${roomId}/messages`, undefined, owner.token);
    expect(page.body.messages).toHaveLength(1);
  });

  it('refuses a client id reused in another room, and answers a rate-limited resend of a stored message', async () => {
    await using srv = await startTestServer({
      env: { ROUNDS_RATE_MESSAGES_BURST: '2', ROUNDS_RATE_MESSAGES_PER_SEC: '0.01' },
    });
    const { roomId, owner } = await roomWithMembers(srv, 0);
    const other = await api(srv.url, 'POST', '/rooms', { name: 'Second room' }, owner.token);
    const [a] = await connectAll(srv, [owner]);
    const first = await a!.call({ type: 'message.send', roomId, clientMsgId: 'same', body: 'one' });
    const reused = await a!.request({ type: 'message.send', roomId: other.body.id, clientMsgId: 'same', body: 'two' });
    expect(reused.type === 'error' && reused.error.code).toBe('validation_failed');
    const limited = await a!.request({ type: 'message.send', roomId, clientMsgId: 'new', body: 'three' });
    expect(limited.type === 'error' && limited.error.code).toBe('rate_limited');
    const resend = await a!.call({ type: 'message.send', roomId, clientMsgId: 'same', body: 'one' });
    expect([resend.duplicate, resend.message.id]).toEqual([true, first.message.id]);
  });

  it('reconnect after a server restart: sync returns exactly what was missed, then live events', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    let [a, b] = await connectAll(srv, [owner, members[0]!]);
    for (let i = 1; i <= 3; i++) await send(a!, roomId, `before ${i}`);
    await b!.waitFor((f) => f.type === 'message.created' && f.message.body === 'before 3');
    const lastSeen = Math.max(...b!.ofType('message.created').map((f) => f.seq));
    b!.close();
    for (let i = 1; i <= 4; i++) await send(a!, roomId, `missed ${i}`);
    const reconnect = a!.waitFor((f) => f.type === 'reconnect');
    await srv.close();
    expect((await reconnect).type).toBe('reconnect');
    await srv.open();
    [a, b] = await connectAll(srv, [owner, members[0]!]);
    for (let i = 5; i <= 6; i++) await send(a!, roomId, `missed ${i}`);
    const events: RoomEvent[] = [];
    let after = lastSeen;
    for (;;) {
      const page = SyncResult.parse(await b!.call({ type: 'sync', roomId, afterSeq: after, limit: 2 }));
      events.push(...page.events);
      after = page.events.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    const bodies = events.flatMap((e) => (e.type === 'message.created' ? [e.message.body] : []));
    expect(bodies).toEqual(['missed 1', 'missed 2', 'missed 3', 'missed 4', 'missed 5', 'missed 6']);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => lastSeen + 1 + i));
    await send(a!, roomId, 'live again');
    const live = MessageCreated.parse(
      await b!.waitFor((f) => f.type === 'message.created' && f.message.body === 'live again'),
    );
    expect(live.seq).toBe(after + 1);
  });

  it('concurrent sends from many sockets keep the seq gapless and ordered', async () => {
    await using srv = await startTestServer({ env: { ROUNDS_RATE_MESSAGES_BURST: '1000' } });
    const { roomId, owner, members } = await roomWithMembers(srv, 4);
    const socks = await connectAll(srv, [owner, ...members]);
    const acks = await Promise.all(
      socks.flatMap((s, i) => Array.from({ length: 25 }, (_, j) => send(s, roomId, `m ${i}-${j}`))),
    );
    const seqs = acks.map((a) => a.message.seq).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(125);
    expect(seqs.at(-1)! - seqs[0]! + 1).toBe(125);
    const watcher = socks[0]!;
    await watcher.waitFor((f) => f.type === 'message.created' && f.seq === seqs.at(-1));
    const received = watcher.ofType('message.created').map((f) => f.seq);
    expect(received).toEqual([...received].sort((x, y) => x - y));
  });

  it('mentions resolve @handles of members only', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const outsider = await registerUser(srv.url);
    const [a, b] = await connectAll(srv, [owner, members[0]!]);
    const text = `@${members[0]!.user.handle} and @${outsider.user.handle}, see email@${members[0]!.user.handle}.org`;
    const sent = await send(a!, roomId, text);
    expect(sent.message.mentions).toEqual([members[0]!.user.id]);
    const seen = MessageCreated.parse(await b!.waitFor((f) => f.type === 'message.created'));
    expect(seen.message.mentions).toEqual([members[0]!.user.id]);
    const mine = await api(srv.url, 'GET', '/me/rooms', undefined, members[0]!.token);
    const room = mine.body.rooms.find((r: { id: string }) => r.id === roomId);
    expect([room.unreadCount, room.mentionCount]).toEqual([1, 1]);
  });

  it('read markers move forward only and reach the reader’s other devices', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const reader = members[0]!;
    const [a, phone, desktop] = await connectAll(srv, [owner, reader, reader]);
    let last = 0;
    for (let i = 0; i < 3; i++) last = (await send(a!, roomId, `n ${i}`)).message.seq;
    const state = await phone!.call({ type: 'read.mark', roomId, seq: last - 1 });
    expect([state.lastReadSeq, state.unreadCount]).toEqual([last - 1, 1]);
    const upd = ReadUpdated.parse(await desktop!.waitFor((f) => f.type === 'read.updated'));
    expect(upd.lastReadSeq).toBe(last - 1);
    const back = await phone!.call({ type: 'read.mark', roomId, seq: 1 });
    expect(back.lastReadSeq).toBe(last - 1);
    const beyond = await phone!.call({ type: 'read.mark', roomId, seq: 999_999 });
    expect([beyond.lastReadSeq, beyond.unreadCount]).toEqual([last, 0]);
  });

  it('typing reaches the other members, throttled', async () => {
    await using srv = await startTestServer();
    const { roomId, owner, members } = await roomWithMembers(srv, 1);
    const [a, b] = await connectAll(srv, [owner, members[0]!]);
    await a!.call({ type: 'typing', roomId });
    await a!.call({ type: 'typing', roomId });
    const t = Typing.parse(await b!.waitFor((f) => f.type === 'typing'));
    expect(t.userId).toBe(owner.user.id);
    await send(a!, roomId, 'flush');
    await b!.waitFor((f) => f.type === 'message.created');
    expect(b!.ofType('typing')).toHaveLength(1);
  });
});
