import type { MemberRow, MessageRow, RoomGroupRow, RoomRow, UserRow } from '../db/schema';
import { newId } from '../ids';
import type { Seat } from './cast';
import { makePeople, type Person } from './people';
import { seeded } from './random';
import { announcement, GROUP, ROOMS, type RoomDef } from './rooms';
import type { Conversation } from './script';
import { BIG_ROOM } from './talk-big';
import { GROUP_ROOMS_1_2 } from './talk-group';
import { GROUP_ROOMS_3_4 } from './talk-group-more';
import { ICU_ROOM } from './talk-icu';
import { IPC_ROOM } from './talk-ipc';
import { ZH_ROOM } from './talk-zh';
import { buildTimeline, type ReactionRow } from './timeline';

/** Every row of the demo community, ready to insert, and a few accounts worth signing in with. */
type DemoPlan = {
  users: UserRow[];
  group: RoomGroupRow;
  rooms: RoomRow[];
  members: MemberRow[];
  messages: MessageRow[];
  reactions: ReactionRow[];
  samples: { email: string; label: string }[];
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CONVERSATIONS: Conversation[] = [
  ...BIG_ROOM,
  ...GROUP_ROOMS_1_2,
  ...GROUP_ROOMS_3_4,
  ...IPC_ROOM,
  ...ICU_ROOM,
  ...ZH_ROOM,
];

const canonical = (tags: string[]) => JSON.stringify(tags.map((t) => Intl.getCanonicalLocales(t)[0] ?? t));

function toUserRow(p: Person, id: string, passwordHash: string, at: number): UserRow {
  return {
    id,
    email: p.email,
    handle: p.handle,
    password_hash: passwordHash,
    display_name: p.displayName,
    profession: p.profession,
    specialty: p.specialty,
    country: p.country,
    institution: p.institution,
    languages: canonical(p.languages),
    time_zone: p.timeZone,
    verification: p.verification,
    role: p.role,
    can_create_rooms: p.role === 'admin' ? 1 : 0,
    demo: 1,
    locale: p.locale,
    created_at: at,
    updated_at: at,
  };
}

/**
 * Plans the demo community relative to `now`: accounts created about eight weeks ago, rooms soon after,
 * everyone seated before the first conversation, and conversations running until a few hours ago.
 * People, rooms and scripts are deterministic; ids are fresh on every call.
 */
export function planDemo(passwordHash: string, now: number): DemoPlan {
  const rng = seeded(2020);
  const people = makePeople(rng);
  const users = people.map((p, i) =>
    toUserRow(p, newId(), passwordHash, i === 0 ? now - 56 * DAY : now - 54 * DAY + rng.int(0, 6 * 24) * HOUR),
  );
  const coordinator = users[0] as UserRow;
  const group: RoomGroupRow = {
    id: newId(),
    name: GROUP.name,
    description: GROUP.description,
    auto_create: 1,
    room_capacity: GROUP.roomCapacity,
    created_by: coordinator.id,
    created_at: now - 55 * DAY,
  };
  // Group rooms open one after another (the order overflow fills them in); the others a little later.
  const rooms: RoomRow[] = ROOMS.map((def, i) => ({
    id: newId(),
    group_id: def.inGroup ? group.id : null,
    name: def.name,
    topic: def.topic,
    description: def.description,
    language: def.language,
    capacity: def.capacity,
    visibility: 'public',
    announcement: announcement(def),
    member_count: 0,
    last_seq: 0,
    created_by: coordinator.id,
    created_at: now - 55 * DAY + i * 18 * HOUR,
  }));

  // Each clinician sits in at most one room of the group, as overflow would have placed them.
  const slots = people.map(() =>
    rng.weighted<number | null>([
      [0, 38],
      [1, 27],
      [2, 20],
      [3, 12],
      [null, 3],
    ]),
  );
  const seatsByRoom = ROOMS.map((def) => seatRoom(def, people, users, slots, rng));

  const members: MemberRow[] = [];
  const messages: MessageRow[] = [];
  const reactions: ReactionRow[] = [];
  const userById = new Map(users.map((u) => [u.id, u]));
  ROOMS.forEach((def, r) => {
    const room = rooms[r] as RoomRow;
    const seats = seatsByRoom[r] as Seat[];
    const timeline = buildTimeline({
      roomId: room.id,
      conversations: CONVERSATIONS.filter((c) => c.room === def.key),
      seats,
      from: now - 42 * DAY,
      to: now - DAY,
      rng,
    });
    messages.push(...timeline.messages);
    reactions.push(...timeline.reactions);
    room.last_seq = timeline.messages.length;
    room.member_count = seats.length;
    for (const seat of seats) {
      const user = userById.get(seat.userId) as UserRow;
      const caughtUp = seat.person.role !== 'admin' && rng.chance(0.7);
      members.push({
        room_id: room.id,
        user_id: seat.userId,
        role: seat.role,
        joined_at: Math.max(room.created_at, user.created_at) + rng.int(1, 48) * HOUR,
        last_read_seq: caughtUp ? room.last_seq : Math.max(0, room.last_seq - rng.int(3, 25)),
      });
    }
  });
  const latest = Math.max(...messages.map((m) => m.edited_at ?? m.created_at), ...reactions.map((r) => r.created_at));
  if (latest >= now) throw new Error('demo plan: a conversation runs into the future; spread them over more days');
  return { users, group, rooms, members, messages, reactions, samples: samples(people, seatsByRoom) };
}

/** The room's members: the coordinator owns it, then moderators and experts are chosen among the verified. */
function seatRoom(
  def: RoomDef,
  people: Person[],
  users: UserRow[],
  slots: (number | null)[],
  rng: ReturnType<typeof seeded>,
): Seat[] {
  const seats: Seat[] = [{ person: people[0] as Person, userId: (users[0] as UserRow).id, role: 'owner' }];
  people.forEach((person, i) => {
    if (i > 0 && def.admits(person, slots[i] ?? null, rng)) {
      seats.push({ person, userId: (users[i] as UserRow).id, role: 'member' });
    }
  });
  const verified = seats.filter((s) => s.role === 'member' && s.person.verification === 'verified');
  const zhRoom = def.language === 'zh';
  const moderatorPool = verified.filter(
    (s) => ['physician', 'nurse'].includes(s.person.profession) && (!zhRoom || s.person.country === 'CN'),
  );
  for (let i = 0; i < def.moderators && moderatorPool.length > 0; i++) {
    const seat = moderatorPool.splice(rng.int(0, moderatorPool.length - 1), 1)[0] as Seat;
    seat.role = 'moderator';
  }
  const expertPool = verified.filter(
    (s) => s.role === 'member' && ['physician', 'pharmacist', 'respiratory_therapist'].includes(s.person.profession),
  );
  for (let i = 0; i < def.experts && expertPool.length > 0; i++) {
    const seat = expertPool.splice(rng.int(0, expertPool.length - 1), 1)[0] as Seat;
    seat.role = 'expert';
  }
  return seats;
}

/** Accounts to suggest at the end of the load: the coordinator, a moderator, an expert and a nurse in Chinese. */
function samples(people: Person[], seatsByRoom: Seat[][]): DemoPlan['samples'] {
  const [coordinator] = people as [Person];
  const all = seatsByRoom.flat();
  const found = [
    all.find((s) => s.role === 'moderator' && s.person.country === 'US'),
    all.find((s) => s.role === 'expert' && s.person.profession === 'physician' && s.person.country === 'IT'),
    all.find((s) => s.person.profession === 'nurse' && s.person.country === 'CN' && s.person.locale === 'zh-CN'),
  ];
  const label = (p: Person, what: string) => `${p.displayName} — ${what}, ${p.institution}`;
  return [
    { email: coordinator.email, label: label(coordinator, 'demo coordinator and server admin') },
    ...found.flatMap((s) =>
      s
        ? [
            {
              email: s.person.email,
              label: label(s.person, s.role === 'member' ? s.person.profession.replace('_', ' ') : s.role),
            },
          ]
        : [],
    ),
  ];
}
