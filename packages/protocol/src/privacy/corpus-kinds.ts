import type { CorpusEntry, CorpusLanguage, ExpectedIdentifier } from './corpus';

/** Short aliases that keep the corpus files readable. */
export const N = 'person_name';
export const M = 'medical_record_number';
export const D = 'date_of_birth';
export const P = 'phone';
export const E = 'email';
export const A = 'street_address';
export const I = 'cn_resident_id';
export const S = 'us_ssn';
export const B = 'bed_ward';

export const entry =
  (lang: CorpusLanguage) =>
  (text: string, ...expected: ExpectedIdentifier[]): CorpusEntry => ({ lang, text, expected });
