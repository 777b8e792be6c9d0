import { randomBytes } from 'node:crypto';
import type { Deps } from '../context';
import type { Db } from '../db/schema';
import { hashPassword } from '../features/accounts/password';
import { planDemo } from './plan';

/**
 * Loads the demo community (`rounds demo`, `rounds serve --demo`) into an empty database.
 *
 * This is a bulk seed, not a feature, so it writes the tables directly in one transaction instead of
 * going through the services: those would hash ~300 passwords (argon2, ~40 ms each), log a room event
 * per join and reaction, and publish to sockets nobody has opened yet. In exchange it must keep every
 * invariant the features rely on, which plan.ts and timeline.ts build in:
 * - each room's seqs are gapless, 1..last_seq, and shared by messages and room_events; the demo writes
 *   messages only (joins, reactions and the one edit are part of the rows' state, which `sync` replays);
 * - member_count is the number of memberships, within capacity, and the coordinator owns every room;
 * - a member sits in at most one room of the group, and the group's rooms are created in their numbering order;
 * - (sender_id, client_msg_id) is unique; a reply points to an earlier top-level message of its room, and
 *   reply_count counts the replies; mentions are ids of room members;
 * - last_read_seq never passes last_seq; every timestamp is in the past and grows with seq.
 */
export async function loadDemo(deps: Deps, log: (line: string) => void): Promise<{ loaded: boolean }> {
  const started = performance.now();
  const where = deps.database.dialect === 'sqlite' ? `The data folder ${deps.config.dataDir}` : 'The database';
  const refuse = (users: number) => {
    log(`${where} is not empty (${users} accounts): the demo loads only into an empty one. Nothing was changed.`);
    return { loaded: false };
  };
  const existing = await countUsers(deps.db);
  if (existing > 0) return refuse(existing);

  // Random on every load: the coordinator is the server's admin, so a published password would open
  // every demo server to anyone who read the docs.
  const password = `rounds-demo-${randomBytes(4).toString('hex')}`;
  const plan = planDemo(await hashPassword(password), Date.now());
  const raced = await deps.db.transaction().execute(async (trx) => {
    // A registration may have arrived since the check above (`serve --demo` loads before listening, but
    // `rounds demo` can run beside a live server).
    const now = await countUsers(trx);
    if (now > 0) return now;
    for (const rows of chunks(plan.users, 200)) await trx.insertInto('users').values(rows).execute();
    await trx.insertInto('room_groups').values(plan.group).execute();
    await trx.insertInto('rooms').values(plan.rooms).execute();
    for (const rows of chunks(plan.members, 1000)) await trx.insertInto('room_members').values(rows).execute();
    for (const rows of chunks(plan.messages, 400)) await trx.insertInto('messages').values(rows).execute();
    for (const rows of chunks(plan.reactions, 1000)) await trx.insertInto('reactions').values(rows).execute();
    return 0;
  });
  if (raced > 0) return refuse(raced);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const countries = new Set(plan.users.map((u) => u.country)).size;
  const zh = plan.messages.filter((m) => /[\u4e00-\u9fff]/.test(m.body)).length;
  log(
    `Loaded the demo community in ${seconds} s: ${plan.users.length} clinicians from ${countries} countries, ` +
      `${plan.rooms.length} rooms (${plan.rooms.filter((r) => r.group_id).length} in the group "${plan.group.name}"), ` +
      `${plan.messages.length} messages (${zh} with Chinese), ${plan.reactions.length} reactions.`,
  );
  log(`Every demo account has the password: ${password}`);
  log('Sign in as, for example:');
  for (const s of plan.samples) log(`  ${s.email.padEnd(32)} ${s.label}`);
  return { loaded: true };
}

async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
