import { findBirthDates, findMedicalRecordNumbers } from './labelled';
import { findEnglishNames } from './names-en';
import { findChineseNames } from './names-zh';
import { findCnResidentIds, findEmails, findPhones, findSsns } from './numbers';
import { findBedsAndWards, findStreetAddresses } from './places';
import { type Candidate, crossesSentence, maskedSpans } from './shared';
import type { IdentifierKind, IdentifierMatch } from './types';

/** When two findings overlap, the more specific kind wins (then the longer span). */
const PRIORITY: Record<IdentifierKind, number> = {
  cn_resident_id: 9,
  us_ssn: 8,
  email: 8,
  medical_record_number: 7,
  date_of_birth: 7,
  phone: 6,
  street_address: 5,
  person_name: 4,
  bed_ward: 3,
};

/** How far (in characters, same sentence) a bed or ward number may be from a name to count. */
const BED_NAME_DISTANCE = 60;

/** Index of the first candidate (sorted by start) that starts at or after `at`. */
function firstAtOrAfter(sorted: readonly Candidate[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Finds likely patient identifiers; matches are sorted by start and do not overlap. */
export function findIdentifiers(text: string): IdentifierMatch[] {
  if (!text) return [];
  const found: Candidate[] = [];
  findCnResidentIds(text, found);
  findSsns(text, found);
  findEmails(text, found);
  findMedicalRecordNumbers(text, found);
  findBirthDates(text, found);
  findPhones(text, found);
  findStreetAddresses(text, found);
  const beds = findBedsAndWards(text);
  const names: Candidate[] = [];
  findEnglishNames(text, beds, names);
  findChineseNames(text, beds, names);
  found.push(...names);
  // A bed or ward number identifies a patient only next to a name: look at the nearest name on each side.
  names.sort((a, b) => a.start - b.start);
  for (const bed of beds) {
    const after = firstAtOrAfter(names, bed.end);
    const near = [names[after], names[after - 1]].some((n) => {
      if (!n || overlaps(n, bed)) return false;
      const gap = n.start >= bed.end ? text.slice(bed.end, n.start) : text.slice(n.end, bed.start);
      return gap.length <= BED_NAME_DISTANCE && !crossesSentence(gap);
    });
    if (near) found.push(bed);
  }

  // Most specific kind first, then longest; a cell map keeps the overlap check linear in the text length.
  const taken = new Uint8Array(text.length);
  for (const [start, end] of maskedSpans(text)) taken.fill(1, start, end);
  const kept: Candidate[] = [];
  found.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const c of found) {
    if (c.end <= c.start || taken.subarray(c.start, c.end).some((x) => x === 1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ kind: c.kind, start: c.start, end: c.end, text: text.slice(c.start, c.end) }));
}
