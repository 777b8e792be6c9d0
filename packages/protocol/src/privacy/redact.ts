import { findIdentifiers } from './detect';
import type { IdentifierKind, IdentifierMatch } from './types';

const PLACEHOLDERS: Record<IdentifierKind, string> = {
  person_name: '[name]',
  medical_record_number: '[MRN]',
  date_of_birth: '[DOB]',
  phone: '[phone]',
  email: '[email]',
  street_address: '[address]',
  cn_resident_id: '[ID number]',
  us_ssn: '[SSN]',
  bed_ward: '[bed]',
};

/** The text that replaces an identifier of this kind. */
const placeholder = (kind: IdentifierKind): string => PLACEHOLDERS[kind];

/**
 * Replaces each match with its placeholder. `matches` default to `findIdentifiers(text)`; matches whose
 * span does not hold their `text`, or that overlap an earlier one, are ignored.
 */
export function redactIdentifiers(text: string, matches: readonly IdentifierMatch[] = findIdentifiers(text)): string {
  const sorted = [...matches]
    .filter((m) => m.start >= 0 && m.end > m.start && m.end <= text.length && text.slice(m.start, m.end) === m.text)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    result += text.slice(at, m.start) + placeholder(m.kind);
    at = m.end;
  }
  return result + text.slice(at);
}
