/** Percentiles, formatting, and the shape every scenario reports. */

export type Summary = { n: number; p50: number; p99: number; mean: number; min: number; max: number };

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p99: percentile(s, 99),
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
    min: s[0] ?? Number.NaN,
    max: s[s.length - 1] ?? Number.NaN,
  };
}

export const ms = (v: number): string => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : 'n/a');
export const int = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a');
export const kb = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : 'n/a');
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');

type Target = { what: string; target: string; value: string; met: boolean | undefined };

export type ScenarioResult = {
  id: string;
  title: string;
  /** What was run, in a sentence or two. */
  setup: string;
  /** First row is the header. */
  table: string[][];
  targets: Target[];
  notes: string[];
};

/** A Markdown table. */
export function mdTable(rows: readonly (readonly string[])[]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  const line = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/** The same table as aligned plain text, for the terminal. */
function textTable(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')).join('\n');
}

export function printResult(r: ScenarioResult): void {
  console.log(`\n== ${r.title}\n${r.setup}\n`);
  console.log(textTable(r.table));
  for (const t of r.targets) {
    const verdict = t.met === undefined ? 'not measured' : t.met ? 'met' : 'NOT met';
    console.log(`  target ${t.what}: ${t.target} -> ${t.value} (${verdict})`);
  }
  for (const n of r.notes) console.log(`  note: ${n}`);
}
