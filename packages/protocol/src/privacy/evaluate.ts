import { type CorpusEntry, type CorpusLanguage, corpus } from './corpus';
import { findIdentifiers } from './detect';
import type { IdentifierKind, IdentifierMatch } from './types';

export type Counts = { tp: number; fp: number; fn: number };
export type Rates = Counts & { recall: number; precision: number };
export type ExpectedSpan = { kind: IdentifierKind; start: number; end: number; text: string };
export type Evaluation = {
  messages: number;
  recall: number;
  precision: number;
  byKind: Record<IdentifierKind, Rates>;
  byLanguage: Record<CorpusLanguage, Rates>;
  /** Expected identifiers that no prediction of the same kind overlaps. */
  misses: Array<{ lang: CorpusLanguage; text: string; missed: ExpectedSpan }>;
  /** Predictions that overlap no expected identifier of the same kind. */
  falseAlarms: Array<{ lang: CorpusLanguage; text: string; predicted: IdentifierMatch }>;
};

const KINDS: IdentifierKind[] = [
  'person_name',
  'medical_record_number',
  'date_of_birth',
  'phone',
  'email',
  'street_address',
  'cn_resident_id',
  'us_ssn',
  'bed_ward',
];

/** Spans of an entry's expected identifiers; repeated substrings take successive occurrences. */
export function expectedSpans(entry: CorpusEntry): ExpectedSpan[] {
  const from = new Map<string, number>();
  return entry.expected.map(([kind, text]) => {
    const start = entry.text.indexOf(text, from.get(text) ?? 0);
    if (start < 0) throw new Error(`corpus: "${text}" is not in "${entry.text}"`);
    from.set(text, start + text.length);
    return { kind, start, end: start + text.length, text };
  });
}

const rates = (c: Counts): Rates => ({
  ...c,
  recall: c.tp + c.fn === 0 ? 1 : (c.tp + 0) / (c.tp + c.fn),
  precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
});

/**
 * Runs the detector over the labelled corpus. A prediction is a true positive when an expected identifier
 * of the same kind overlaps it; an expected identifier is missed when no such prediction overlaps it.
 * Recall counts expected identifiers found; precision counts predictions that were right.
 */
export function evaluateCorpus(entries: readonly CorpusEntry[] = corpus): Evaluation {
  const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const kinds = Object.fromEntries(KINDS.map((k) => [k, empty()])) as Record<IdentifierKind, Counts>;
  const langs: Record<CorpusLanguage, Counts> = { en: empty(), zh: empty(), mixed: empty() };
  const total = empty();
  let found = 0;
  let expectedTotal = 0;
  const misses: Evaluation['misses'] = [];
  const falseAlarms: Evaluation['falseAlarms'] = [];
  const hit = (a: { kind: string; start: number; end: number }, b: { kind: string; start: number; end: number }) =>
    a.kind === b.kind && a.start < b.end && b.start < a.end;

  for (const entry of entries) {
    const expected = expectedSpans(entry);
    const predicted = findIdentifiers(entry.text);
    for (const p of predicted) {
      const ok = expected.some((e) => hit(e, p));
      const key = ok ? 'tp' : 'fp';
      kinds[p.kind][key]++;
      langs[entry.lang][key]++;
      total[key]++;
      if (!ok) falseAlarms.push({ lang: entry.lang, text: entry.text, predicted: p });
    }
    for (const e of expected) {
      expectedTotal++;
      if (predicted.some((p) => hit(e, p))) {
        found++;
        continue;
      }
      kinds[e.kind].fn++;
      langs[entry.lang].fn++;
      total.fn++;
      misses.push({ lang: entry.lang, text: entry.text, missed: e });
    }
  }
  return {
    messages: entries.length,
    recall: expectedTotal === 0 ? 1 : found / expectedTotal,
    precision: rates(total).precision,
    byKind: Object.fromEntries(KINDS.map((k) => [k, rates(kinds[k])])) as Record<IdentifierKind, Rates>,
    byLanguage: { en: rates(langs.en), zh: rates(langs.zh), mixed: rates(langs.mixed) },
    misses,
    falseAlarms,
  };
}
