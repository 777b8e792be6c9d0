import {
  AuthResult,
  CountryCode,
  Handle,
  JoinResult,
  LanguageTag,
  MessagePage,
  professions,
  SentResult,
  SyncResult,
  TimeZone,
} from '@rounds/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema';
import { api, registerUser, TestSocket } from '../test/client';
import { startTestServer, type TestServer } from '../test/server';
import { loadDemo } from './load';

const CJK = /[\u4e00-\u9fff]/;
const TABLES: (keyof DB)[] = ['users', 'room_groups', 'rooms', 'room_members', 'messages', 'reactions', 'room_events'];

let srv: TestServer;
const log: string[] = [];
let password = '';
let coordinatorToken = '';

const db = () => srv.rounds.deps.db;
const rooms = () => db().selectFrom('rooms').selectAll().orderBy('created_at').execute();

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const row = await db()
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

async function login(email: string): Promise<AuthResult> {
  const res = await api(srv.url, 'POST', '/auth/login', { email, password });
  expect(res.status).toBe(200);
  return AuthResult.parse(res.body);
}

describe('the demo community', () => {
  beforeAll(async () => {
    srv = await startTestServer();
    const result = await loadDemo(srv.rounds.deps, (line) => log.push(line));
    expect(result).toEqual({ loaded: true });
    password = /password: (\S+)/.exec(log.join('\n'))?.[1] ?? '';
    coordinatorToken = (await login('coordinator@demo.example.org')).token;
  });

  afterAll(async () => {
    await srv?.[Symbol.asyncDispose]();
  });

  it('has a group of four 500-seat rooms, a 10,000 room and topic rooms, each with the rules', async () => {
    const all = await rooms();
    expect(all.length).toBeGreaterThanOrEqual(5);
    const groups = await db().selectFrom('room_groups').selectAll().execute();
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group).toMatchObject({
      name: 'Global health professionals on COVID-19',
      auto_create: 1,
      room_capacity: 500,
    });
    const inGroup = all.filter((r) => r.group_id === group.id);
    expect(inGroup.map((r) => [r.name, Number(r.capacity)])).toEqual(
      [1, 2, 3, 4].map((n) => [`Global health professionals on COVID-19 ${n}`, 500]),
    );
    expect(all.filter((r) => Number(r.capacity) === 10_000)).toHaveLength(1);
    expect(all.some((r) => r.language === 'zh' && r.name === '临床经验交流')).toBe(true);
    for (const r of all) {
      expect(r.topic && r.description).toBeTruthy();
      expect(r.announcement).toMatch(/politics.*religion.*racial discrimination/s);
      expect(r.announcement).toMatch(/政治.*宗教.*种族歧视/s);
      expect(r.announcement).toMatch(/patient identifiers/);
    }
    const listed = await api(srv.url, 'GET', `/groups/${group.id}`, undefined, coordinatorToken);
    expect(listed.body.roomIds).toEqual(inGroup.map((r) => r.id));
  });

  it('has a few hundred valid demo clinicians from 20+ countries and every profession', async () => {
    const users = await db().selectFrom('users').selectAll().execute();
    expect(users.length).toBeGreaterThanOrEqual(250);
    expect(users.every((u) => u.demo === 1)).toBe(true);
    expect(new Set(users.map((u) => u.country)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(users.map((u) => u.profession))).toEqual(new Set(professions));
    expect(users.filter((u) => u.verification === 'verified').length / users.length).toBeGreaterThan(0.8);
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    for (const u of users) {
      Handle.parse(u.handle);
      CountryCode.parse(u.country);
      TimeZone.parse(u.time_zone);
      for (const tag of JSON.parse(u.languages) as string[]) LanguageTag.parse(tag);
      expect(u.institution).not.toBe('');
    }
    expect(users.filter((u) => CJK.test(u.display_name)).length).toBeGreaterThan(50);
  });

  it('prints a password that signs demo users in over REST', async () => {
    expect(password).toMatch(/^rounds-demo-/);
    const emails = log.flatMap((l) => /^\s+(\S+@demo\.example\.org)/.exec(l)?.[1] ?? []);
    expect(emails.length).toBeGreaterThanOrEqual(2);
    for (const email of emails) expect((await login(email)).user.demo).toBe(true);
    const wrong = await api(srv.url, 'POST', '/auth/login', { email: emails[0], password: 'not the password' });
    expect(wrong.status).toBe(401);
  });

  it('keeps the invariants the features rely on', async () => {
    const now = Date.now();
    const groupSeats = new Map<string, string>();
    for (const room of await rooms()) {
      const msgs = await db()
        .selectFrom('messages')
        .selectAll()
        .where('room_id', '=', room.id)
        .orderBy('seq')
        .execute();
      const members = await db().selectFrom('room_members').selectAll().where('room_id', '=', room.id).execute();
      const memberIds = new Set(members.map((m) => m.user_id));
      expect(msgs.map((m) => Number(m.seq))).toEqual(msgs.map((_m, i) => i + 1));
      expect(Number(room.last_seq)).toBe(msgs.length);
      expect(Number(room.member_count)).toBe(members.length);
      expect(members.length).toBeLessThanOrEqual(Number(room.capacity));
      expect(members.filter((m) => m.role === 'owner').map((m) => m.user_id)).toEqual([room.created_by]);
      const byId = new Map(msgs.map((m) => [m.id, m]));
      msgs.forEach((m, i) => {
        expect(memberIds.has(m.sender_id)).toBe(true);
        expect(Number(m.created_at)).toBeLessThan(now);
        if (i > 0) expect(Number(m.created_at)).toBeGreaterThanOrEqual(Number(msgs[i - 1]!.created_at));
        const root = m.thread_root_id ? byId.get(m.thread_root_id) : undefined;
        if (m.thread_root_id) expect(root?.thread_root_id === null && Number(root.seq) < Number(m.seq)).toBe(true);
        const replies = msgs.filter((r) => r.thread_root_id === m.id).length;
        expect(Number(m.reply_count)).toBe(replies);
        for (const id of JSON.parse(m.mentions) as string[]) expect(memberIds.has(id)).toBe(true);
        expect(JSON.parse(m.privacy_flags)).toEqual([]);
      });
      for (const m of members) {
        expect(Number(m.last_read_seq)).toBeLessThanOrEqual(Number(room.last_seq));
        expect(Number(m.joined_at)).toBeLessThan(Number(msgs[0]?.created_at ?? now));
        if (room.group_id && m.role !== 'owner') {
          expect(groupSeats.has(m.user_id)).toBe(false);
          groupSeats.set(m.user_id, room.id);
        }
      }
      const reactions = await db().selectFrom('reactions').selectAll().where('room_id', '=', room.id).execute();
      for (const r of reactions) expect(byId.has(r.message_id) && memberIds.has(r.user_id)).toBe(true);
    }
    const c = await counts();
    expect(c.messages).toBeGreaterThanOrEqual(300);
    expect(c.reactions).toBeGreaterThan(0);
    expect(c.room_events).toBe(0);
    const edited = await db().selectFrom('messages').select('id').where('edited_at', 'is not', null).execute();
    expect(edited.length).toBeGreaterThanOrEqual(1);
    const chinese = await db().selectFrom('messages').select('body').execute();
    expect(chinese.filter((m) => CJK.test(m.body)).length / chinese.length).toBeGreaterThan(0.25);
  });

  it('pages a room’s history backwards without gaps, Chinese included', async () => {
    const room = (await rooms()).find((r) => r.language === 'zh')!;
    const seen: number[] = [];
    let before: number | undefined;
    let bodies = '';
    for (;;) {
      const query = `?limit=7${before ? `&before=${before}` : ''}`;
      const res = await api(srv.url, 'GET', `/rooms/${room.id}/messages${query}`, undefined, coordinatorToken);
      expect(res.status).toBe(200);
      const page = MessagePage.parse(res.body);
      seen.unshift(...page.messages.map((m) => m.seq));
      bodies += page.messages.map((m) => m.body).join('\n');
      if (!page.hasMore) break;
      before = page.messages[0]!.seq;
    }
    const top = await db()
      .selectFrom('messages')
      .select('seq')
      .where('room_id', '=', room.id)
      .where('thread_root_id', 'is', null)
      .orderBy('seq')
      .execute();
    expect(seen).toEqual(top.map((m) => Number(m.seq)));
    expect(bodies).toMatch(CJK);
  });

  it('replays every room from seq 0 over the socket, gapless', async () => {
    const sock = await TestSocket.connect(srv.wsUrl, coordinatorToken);
    for (const room of await rooms()) {
      const seqs: number[] = [];
      let after = 0;
      for (let more = true; more; ) {
        const result = SyncResult.parse(
          await sock.call({ type: 'sync', roomId: room.id, afterSeq: after, limit: 100 }),
        );
        seqs.push(...result.events.map((e) => e.seq));
        after = seqs.at(-1) ?? after;
        more = result.hasMore;
      }
      expect(seqs).toEqual(Array.from({ length: Number(room.last_seq) }, (_v, i) => i + 1));
    }
    sock.close();
  });

  it('refuses a second load and changes nothing', async () => {
    const before = await counts();
    const lines: string[] = [];
    expect(await loadDemo(srv.rounds.deps, (l) => lines.push(l))).toEqual({ loaded: false });
    expect(lines.join('\n')).toMatch(/not empty/);
    expect(await counts()).toEqual(before);
  });

  it('continues each room’s seqs when a new clinician joins and posts', async () => {
    const room = (await rooms()).find((r) => r.name === 'Disinfection & infection control')!;
    const newcomer = await registerUser(srv.url);
    expect(newcomer.user.role).toBe('user');
    const joined = await api(srv.url, 'POST', `/rooms/${room.id}/join`, undefined, newcomer.token);
    expect(joined.status).toBe(200);
    const result = JoinResult.parse(joined.body);
    expect(result.room.lastSeq).toBe(Number(room.last_seq) + 1);
    expect(result.room.memberCount).toBe(Number(room.member_count) + 1);
    const body = {
      clientMsgId: 'first-question',
      body: 'Thanks for the chlorine table. Does 1000 mg/L damage monitors?',
    };
    const sent = await api(srv.url, 'POST', `/rooms/${room.id}/messages`, body, newcomer.token);
    expect(sent.status).toBe(201);
    expect(SentResult.parse(sent.body).message.seq).toBe(Number(room.last_seq) + 2);
    const sock = await TestSocket.connect(srv.wsUrl, newcomer.token);
    const tail = SyncResult.parse(
      await sock.call({ type: 'sync', roomId: room.id, afterSeq: Number(room.last_seq) - 2 }),
    );
    expect(tail.events.map((e) => [e.seq, e.type])).toEqual([
      [Number(room.last_seq) - 1, 'message.created'],
      [Number(room.last_seq), 'message.created'],
      [Number(room.last_seq) + 1, 'member.joined'],
      [Number(room.last_seq) + 2, 'message.created'],
    ]);
    sock.close();
  });
});
