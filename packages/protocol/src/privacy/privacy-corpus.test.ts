import { describe, expect, it } from 'vitest';
import { corpus } from './corpus';
import { holdout, holdout2 } from './corpus-holdout';
import { evaluateCorpus, expectedSpans } from './evaluate';
import { findIdentifiers, redactIdentifiers } from './index';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('labelled corpus', () => {
  it('is large, bilingual, and covers every kind with hard negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const positives = corpus.filter((e) => e.expected.length > 0);
    const negatives = corpus.filter((e) => e.expected.length === 0);
    expect(positives.length).toBeGreaterThanOrEqual(100);
    expect(negatives.length).toBeGreaterThanOrEqual(100);
    const en = corpus.filter((e) => e.lang === 'en').length;
    const zh = corpus.filter((e) => e.lang === 'zh').length;
    expect(Math.abs(en - zh)).toBeLessThan(corpus.length * 0.1);
    expect(corpus.some((e) => e.lang === 'mixed')).toBe(true);
    const kinds = new Set(corpus.flatMap((e) => e.expected.map(([kind]) => kind)));
    expect([...kinds].sort()).toEqual(
      [
        'bed_ward',
        'cn_resident_id',
        'date_of_birth',
        'email',
        'medical_record_number',
        'person_name',
        'phone',
        'street_address',
        'us_ssn',
      ].sort(),
    );
  });

  it('labels only substrings that are in their message', () => {
    for (const entry of [...corpus, ...holdout, ...holdout2]) expect(() => expectedSpans(entry)).not.toThrow();
  });

  it('is detected with recall >= 0.95 and precision >= 0.80', () => {
    const r = evaluateCorpus();
    const lines = [
      `overall: recall ${pct(r.recall)}, precision ${pct(r.precision)} (${r.messages} messages)`,
      ...Object.entries(r.byLanguage).map(([k, v]) => `${k}: recall ${pct(v.recall)}, precision ${pct(v.precision)}`),
      ...Object.entries(r.byKind).map(([k, v]) => `${k}: tp ${v.tp}, fp ${v.fp}, fn ${v.fn}`),
    ];
    expect(r.recall, lines.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(r.precision, lines.join('\n')).toBeGreaterThanOrEqual(0.8);
    for (const lang of ['en', 'zh', 'mixed'] as const) {
      expect(r.byLanguage[lang].tp + r.byLanguage[lang].fn).toBeGreaterThan(0);
    }
  });

  it('keeps the two holdout sets (written after the rules) above the same bar', () => {
    const r = evaluateCorpus([...holdout, ...holdout2]);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.precision).toBeGreaterThanOrEqual(0.8);
  });
});

describe('redaction over the corpus', () => {
  it('removes every matched text and leaves everything else intact', () => {
    for (const { text } of [...corpus, ...holdout, ...holdout2]) {
      const matches = findIdentifiers(text);
      const redacted = redactIdentifiers(text, matches);
      // Everything outside the matches survives, in order, around the placeholders.
      let rest = redacted;
      let at = 0;
      for (const m of matches) {
        const kept = text.slice(at, m.start);
        expect(rest.startsWith(kept), text).toBe(true);
        rest = rest.slice(kept.length).replace(/^\[[^\]]+\]/, '');
        at = m.end;
      }
      expect(rest).toBe(text.slice(at));
      // No matched text is left, unless it also occurs outside the matches.
      for (const m of matches) {
        const elsewhere = text.slice(0, m.start).includes(m.text) || text.slice(m.end).includes(m.text);
        if (!elsewhere) expect(redacted.includes(m.text), `${m.text} in ${redacted}`).toBe(false);
      }
      // And redacting again finds nothing new of the kinds that are pure numbers.
      expect(findIdentifiers(redacted).filter((m) => m.kind !== 'bed_ward' && m.kind !== 'person_name')).toEqual([]);
    }
  });
});
