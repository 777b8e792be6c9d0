import { enNegatives, enPositives } from './corpus-en';
import { mixedCorpus } from './corpus-mixed';
import { zhNegatives, zhPositives } from './corpus-zh';
import type { IdentifierKind } from './types';

export type CorpusLanguage = 'en' | 'zh' | 'mixed';
/** An expected identifier: its kind and the exact substring of the message (first unused occurrence). */
export type ExpectedIdentifier = readonly [IdentifierKind, string];
export type CorpusEntry = { lang: CorpusLanguage; text: string; expected: readonly ExpectedIdentifier[] };

/**
 * Labelled messages for measuring the detector. Written before the rules were tuned; every name,
 * number and address in it is invented (phone numbers use the 555-01xx and other fictional ranges).
 */
export const corpus: readonly CorpusEntry[] = [
  ...enPositives,
  ...enNegatives,
  ...zhPositives,
  ...zhNegatives,
  ...mixedCorpus,
];
