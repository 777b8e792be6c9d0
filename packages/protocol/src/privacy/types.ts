/** What kind of patient identifier a match looks like. */
export type IdentifierKind =
  | 'person_name'
  | 'medical_record_number'
  | 'date_of_birth'
  | 'phone'
  | 'email'
  | 'street_address'
  | 'cn_resident_id'
  | 'us_ssn'
  | 'bed_ward';

/** One likely identifier: `text === input.slice(start, end)`. */
export type IdentifierMatch = { kind: IdentifierKind; start: number; end: number; text: string };
