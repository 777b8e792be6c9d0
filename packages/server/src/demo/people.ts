import type { Profession } from '@rounds/protocol';
import { COUNTRY_DATA } from './countries';
import type { Rng } from './random';

/** A demo clinician, before ids and timestamps are given. */
export type Person = {
  handle: string;
  email: string;
  displayName: string;
  profession: Profession;
  specialty: string;
  country: string;
  institution: string;
  languages: string[];
  timeZone: string;
  verification: 'verified' | 'pending' | 'unverified';
  locale: 'zh-CN' | null;
  role: 'admin' | 'user';
};

const DEMO_EMAIL_DOMAIN = 'demo.example.org';

/** The coordinator owns every demo room and is the demo server's admin. */
const COORDINATOR: Person = {
  handle: 'coordinator',
  email: `coordinator@${DEMO_EMAIL_DOMAIN}`,
  displayName: '林梅 Lin Mei (demo coordinator)',
  profession: 'physician',
  specialty: 'Infectious diseases',
  country: 'CN',
  institution: 'Wuhan Union Hospital',
  languages: ['zh', 'en'],
  timeZone: 'Asia/Shanghai',
  verification: 'verified',
  locale: 'zh-CN',
  role: 'admin',
};

/** Profession, weight and its specialties (`|`-separated). */
const PROFESSIONS: [Profession, number, string][] = [
  [
    'physician',
    44,
    'Infectious diseases|Pulmonary & critical care|Emergency medicine|Internal medicine|Anesthesiology|Radiology|Pediatrics|Family medicine|Hospital medicine|Cardiology|Geriatrics|Obstetrics',
  ],
  [
    'nurse',
    26,
    'ICU nursing|Emergency nursing|Infection prevention & control|Fever clinic nursing|Medical ward nursing|Nurse practitioner, internal medicine|Operating theatre nursing',
  ],
  ['respiratory_therapist', 6, 'Adult critical care|ECMO|Neonatal & pediatric respiratory care'],
  ['pharmacist', 7, 'Infectious diseases pharmacy|Critical care pharmacy|Hospital pharmacy'],
  ['laboratory_scientist', 5, 'Clinical virology|Molecular diagnostics|Clinical microbiology'],
  ['public_health_officer', 6, 'Field epidemiology|Contact tracing|Infection surveillance'],
  ['paramedic', 4, 'Emergency medical services|Critical care transport'],
  ['other', 2, 'Clinical psychology|Hospital administration|Biomedical engineering'],
];

type Pool = { weight: number; languages: string[]; style: string; given: string[]; family: string[] };
type Country = {
  code: string;
  count: number;
  zone: string;
  locale: 'zh-CN' | null;
  pools: Pool[];
  hospitals: string[];
  health: string[];
  ems: string[];
};

/** Parses countries.ts's text; throws on a line it does not understand, so a typo fails the tests. */
function parseCountries(text: string): Country[] {
  const out: Country[] = [];
  const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const head = /^([A-Z]{2}) (\d+) (\S+)(?: (zh-CN))?$/.exec(line);
    if (head) {
      const [, code = '', count = '0', zone = '', locale] = head;
      out.push({
        code,
        count: Number(count),
        zone,
        locale: locale ? 'zh-CN' : null,
        pools: [],
        hospitals: [],
        health: [],
        ems: [],
      });
      continue;
    }
    const country = out.at(-1);
    if (!country) throw new Error(`countries: data before the first country: ${line}`);
    const [kind = '', ...rest] = line.split(' ');
    const tail = rest.join(' ');
    if (kind === 'pool') {
      const [meta = '', given = '', family = ''] = tail.split('|');
      const [weight = '1', languages = 'en', style = 'western'] = words(meta);
      country.pools.push({
        weight: Number(weight),
        languages: languages.split(','),
        style,
        given: words(given),
        family: words(family),
      });
    } else if (kind === 'hospitals' || kind === 'health' || kind === 'ems') {
      country[kind] = tail.split('|').map((s) => s.trim());
    } else {
      throw new Error(`countries: cannot read line: ${line}`);
    }
  }
  return out;
}

/** `Wang:王` -> [Wang, 王]; `Ana_Paula` -> [Ana Paula, Ana Paula]. */
function nameParts(token: string): [roman: string, native: string] {
  const [roman = '', native] = token.split(':');
  const r = roman.replaceAll('_', ' ');
  return [r, native ?? r];
}

/** A handle in the protocol's alphabet: lower-case ASCII letters, digits and dots, at most 32 characters. */
function toHandle(seed: string): string {
  const ascii = seed
    .replace(/ı/g, 'i')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return ascii.slice(0, 28).replace(/\.+$/, '') || 'clinician';
}

function makeName(pool: Pool, rng: Rng): { display: string; handleSeed: string } {
  const [givenRoman, givenNative] = nameParts(rng.pick(pool.given));
  const [familyRoman, familyNative] = nameParts(rng.pick(pool.family));
  if (pool.style === 'cjk') {
    return {
      display: `${familyNative}${givenNative} ${familyRoman} ${givenRoman}`,
      handleSeed: `${familyRoman} ${givenRoman}`,
    };
  }
  if (pool.style === 'family-first') {
    return { display: `${familyRoman} ${givenRoman}`, handleSeed: `${familyRoman} ${givenRoman}` };
  }
  return { display: `${givenRoman} ${familyRoman}`, handleSeed: `${givenRoman} ${familyRoman}` };
}

/** `Name@Zone` -> [Name, Zone], defaulting to the country's zone. */
function place(entry: string, zone: string): [string, string] {
  const [name = entry, at] = entry.split('@');
  return [name, at ?? zone];
}

/** The demo's clinicians, the coordinator first; deterministic for a given generator. */
export function makePeople(rng: Rng): Person[] {
  const people: Person[] = [COORDINATOR];
  const names = new Set<string>([COORDINATOR.displayName]);
  const handles = new Set<string>([COORDINATOR.handle]);
  for (const country of parseCountries(COUNTRY_DATA)) {
    for (let i = 0; i < country.count; i++) {
      const pool = rng.weighted(country.pools.map((p) => [p, p.weight] as const));
      let name = makeName(pool, rng);
      for (let tries = 0; names.has(name.display) && tries < 30; tries++) name = makeName(pool, rng);
      names.add(name.display);
      const stem = toHandle(name.handleSeed);
      let handle = stem;
      for (let n = 2; handles.has(handle); n++) handle = `${stem}${n}`;
      handles.add(handle);

      const [profession, , specialties] = rng.weighted(PROFESSIONS.map((p) => [p, p[1]] as const));
      const workplaces =
        profession === 'public_health_officer'
          ? country.health
          : profession === 'paramedic'
            ? country.ems
            : country.hospitals;
      const [institution, timeZone] = place(rng.pick(workplaces), country.zone);
      people.push({
        handle,
        email: `${handle}@${DEMO_EMAIL_DOMAIN}`,
        displayName: name.display,
        profession,
        specialty: rng.pick(specialties.split('|')),
        country: country.code,
        institution,
        languages: pool.languages,
        timeZone,
        verification: rng.weighted([
          ['verified', 88],
          ['pending', 8],
          ['unverified', 4],
        ] as const),
        locale: pool.languages[0] === 'zh' ? country.locale : null,
        role: 'user',
      });
    }
  }
  return people;
}
