import type { Insertable } from 'kysely';
import type { MessageRow, ReactionsTable } from '../db/schema';
import { privacyFlags } from '../features/messages/pipeline';
import { newId } from '../ids';
import { castMember, type Seat } from './cast';
import type { Rng } from './random';
import type { Conversation } from './script';

export type ReactionRow = Insertable<ReactionsTable>;

const MINUTE = 60_000;
const CJK = /[\u4e00-\u9fff]/;
const ACKS_EN = [
  'Thank you, this is very helpful.',
  'Saving this thread. Thanks for sharing.',
  'Same experience in our unit.',
  'Very useful, forwarding to our team.',
  'Thanks — exactly what I needed before tonight’s shift.',
];
const ACKS_ZH = [
  '谢谢分享！',
  '学习了，非常实用。',
  '收到，已转给科室同事。',
  '感谢！我们也是这样做的。',
  '辛苦了，谢谢老师！',
];
const EMOJI = ['👍', '🙏', '❤️', '👏', '💪'] as const;

type Draft = { row: MessageRow; order: number };

/**
 * Turns a room's conversations into its messages, spread between `from` and `to` in the given order, plus a
 * few thank-you replies and reactions from other members. Seqs run 1..n in time order, replies come after
 * their root, and each root's reply_count counts its replies: the invariants `sync`, history and threads
 * rely on.
 */
export function buildTimeline(opts: {
  roomId: string;
  conversations: readonly Conversation[];
  seats: Seat[];
  from: number;
  to: number;
  rng: Rng;
}): { messages: MessageRow[]; reactions: ReactionRow[] } {
  const { roomId, conversations, seats, rng } = opts;
  const drafts: Draft[] = [];
  const add = (senderId: string, body: string, at: number, threadRootId: string | null, mentions: string[] = []) => {
    const id = newId();
    const row: MessageRow = {
      room_id: roomId,
      seq: 0,
      id,
      sender_id: senderId,
      client_msg_id: `demo-${id}`,
      body,
      thread_root_id: threadRootId,
      reply_count: 0,
      mentions: JSON.stringify(mentions),
      created_at: Math.round(at),
      edited_at: null,
      deleted_at: null,
      attachments: '[]',
      privacy_flags: JSON.stringify(privacyFlags(body)),
    };
    drafts.push({ row, order: drafts.length });
    return row;
  };

  const spacing = (opts.to - opts.from) / Math.max(1, conversations.length);
  conversations.forEach((conv, i) => {
    const taken = new Set<string>();
    const cast = new Map<string, Seat>();
    for (const [key, spec] of Object.entries(conv.cast)) {
      const seat = castMember(spec, seats, taken, rng);
      taken.add(seat.userId);
      cast.set(key, seat);
    }
    const seatOf = (key: string) => cast.get(key) as Seat;
    let at = opts.from + (i + rng.next() * 0.5) * spacing;
    let root: MessageRow | undefined;
    const replies = new Map<string, MessageRow[]>();
    conv.lines.forEach((line, n) => {
      if (line.later) at += rng.int(12 * 60, 20 * 60) * MINUTE;
      else if (n > 0) at += (line.reply ? rng.int(3, 35) : rng.int(5, 60)) * MINUTE + rng.int(0, 59_000);
      const mentions: string[] = [];
      const body = line.text.replace(/@\{([a-z])\}/g, (_m, key: string) => {
        mentions.push(seatOf(key).userId);
        return `@${seatOf(key).person.handle}`;
      });
      const row = add(seatOf(line.by).userId, body, at, line.reply ? (root?.id ?? null) : null, [...new Set(mentions)]);
      if (line.edited) row.edited_at = row.created_at + rng.int(2, 15) * MINUTE;
      if (!line.reply) root = row;
      else if (root) replies.set(root.id, [...(replies.get(root.id) ?? []), row]);
    });
    for (const [rootId, list] of replies) {
      const first = drafts.find((d) => d.row.id === rootId)?.row;
      const last = list.at(-1);
      if (!first || !last || list.length < 2 || !rng.chance(0.4)) continue;
      const chinese = CJK.test(first.body);
      const others = seats.filter((s) => !taken.has(s.userId) && s.person.role !== 'admin');
      const speakers = chinese ? others.filter((s) => s.person.languages.some((l) => l.startsWith('zh'))) : others;
      if (speakers.length === 0) continue;
      const by = rng.pick(speakers);
      add(by.userId, rng.pick(chinese ? ACKS_ZH : ACKS_EN), last.created_at + rng.int(10, 120) * MINUTE, rootId);
    }
  });

  drafts.sort((a, b) => a.row.created_at - b.row.created_at || a.order - b.order);
  const messages = drafts.map((d, i) => Object.assign(d.row, { seq: i + 1 }));
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const m of messages) {
    const root = m.thread_root_id ? byId.get(m.thread_root_id) : undefined;
    if (root) root.reply_count += 1;
  }
  return { messages, reactions: react(roomId, messages, seats, rng) };
}

/** Lectures and papers collect many reactions, other roots a few, replies rarely any. */
function react(roomId: string, messages: readonly MessageRow[], seats: readonly Seat[], rng: Rng): ReactionRow[] {
  const out: ReactionRow[] = [];
  for (const m of messages) {
    const headline = m.thread_root_id === null && /^(📢|📄)/u.test(m.body);
    const count = headline
      ? rng.int(4, 14)
      : m.thread_root_id === null && rng.chance(0.35)
        ? rng.int(1, 5)
        : m.thread_root_id !== null && rng.chance(0.08)
          ? rng.int(1, 2)
          : 0;
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const seat = rng.pick(seats);
      const emoji = headline && rng.chance(0.6) ? '👍' : rng.pick(EMOJI);
      const key = `${seat.userId}|${emoji}`;
      if (seat.userId === m.sender_id || seen.has(key)) continue;
      seen.add(key);
      out.push({
        message_id: m.id,
        user_id: seat.userId,
        emoji,
        room_id: roomId,
        created_at: m.created_at + rng.int(1, 180) * MINUTE,
      });
    }
  }
  return out;
}
