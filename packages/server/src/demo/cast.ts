import { professions } from '@rounds/protocol';
import type { Person } from './people';
import type { Rng } from './random';
import type { CastSpec } from './script';

/** A member of a demo room while the demo is planned; `role` may be raised to expert by casting. */
export type Seat = { person: Person; userId: string; role: 'owner' | 'moderator' | 'expert' | 'member' };

type Filter = (s: Seat) => boolean;

const professionSet = new Set<string>(professions);
const speaks = (p: Person, lang: string) => p.languages.some((l) => l === lang || l.startsWith(`${lang}-`));

/** Reads a cast spec (see script.ts). Throws on a token it does not know, so a typo fails the tests. */
function parseSpec(spec: CastSpec): { filters: Filter[]; expert: boolean; coordinator: boolean } {
  const filters: Filter[] = [];
  let expert = false;
  let coordinator = false;
  for (const token of spec.split(':')) {
    if (token === '*') continue;
    if (token === 'coord') coordinator = true;
    else if (token === 'expert') expert = true;
    else if (token === 'mod') filters.push((s) => s.role === 'moderator');
    else if (/^[A-Z]{2}$/.test(token)) filters.push((s) => s.person.country === token);
    else if (professionSet.has(token)) filters.push((s) => s.person.profession === token);
    else if (token.startsWith('~')) {
      const word = token.slice(1).toLowerCase();
      filters.push((s) => s.person.specialty.toLowerCase().includes(word));
    } else if (/^[a-z]{2,3}$/.test(token)) filters.push((s) => speaks(s.person, token));
    else throw new Error(`demo cast: unknown token "${token}" in "${spec}"`);
  }
  return { filters, expert, coordinator };
}

/**
 * Picks a room member for a part: everyone matching all filters and not yet cast, experts first when the
 * part asks for one; when nobody matches, the last filter is dropped and the search repeats. The
 * coordinator plays only `coord` parts. A member cast as `expert` becomes one.
 */
export function castMember(spec: CastSpec, seats: readonly Seat[], taken: ReadonlySet<string>, rng: Rng): Seat {
  const { filters, expert, coordinator } = parseSpec(spec);
  if (coordinator) {
    const coord = seats.find((s) => s.person.role === 'admin');
    if (!coord) throw new Error('demo cast: the coordinator is not in the room');
    return coord;
  }
  const pool = seats.filter((s) => s.person.role !== 'admin' && !taken.has(s.userId));
  for (let n = filters.length; n >= 0; n--) {
    const active = filters.slice(0, n);
    const found = pool.filter((s) => active.every((f) => f(s)));
    if (found.length === 0) continue;
    const preferred = expert ? found.filter((s) => s.role === 'expert' || s.role === 'moderator') : [];
    const seat = rng.pick(preferred.length > 0 ? preferred : found);
    if (expert && seat.role === 'member') seat.role = 'expert';
    return seat;
  }
  throw new Error(`demo cast: nobody left in the room for "${spec}"`);
}
