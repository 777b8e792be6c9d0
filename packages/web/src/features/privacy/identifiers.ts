import { findIdentifiers, type IdentifierKind, type IdentifierMatch, redactIdentifiers } from '@rounds/protocol';

/** Where a likely identifier was found in a draft. */
type FindingSource = 'text' | 'caption' | 'name';
export type Finding = { source: FindingSource; itemId?: string; kind: IdentifierKind; text: string };

/** What the scan needs of an attachment. */
export type ScannedItem = { id: string; caption: string; name: string };

/**
 * Identifiers in a file name. Separators read as spaces ("zhang_wei_mrn_12345678.jpg"), one for one, so the
 * positions still point into the real name; the extension is left out.
 */
export function findInFileName(name: string): IdentifierMatch[] {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return findIdentifiers(stem.replace(/[._-]/g, ' ')).map((m) => ({ ...m, text: name.slice(m.start, m.end) }));
}

/** A file name with its identifiers replaced by placeholders; the extension is kept. */
export function redactFileName(name: string): string {
  const matches = findInFileName(name);
  return matches.length ? redactIdentifiers(name, matches) : name;
}

/** Every likely identifier in the message text, the captions and the file names, once per (kind, text). */
export function scanDraft(text: string, items: readonly ScannedItem[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (source: FindingSource, matches: IdentifierMatch[], itemId?: string) => {
    for (const m of matches) {
      const key = `${m.kind}\u0000${m.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ source, kind: m.kind, text: m.text, ...(itemId ? { itemId } : {}) });
    }
  };
  push('text', findIdentifiers(text));
  for (const item of items) {
    push('caption', findIdentifiers(item.caption), item.id);
    push('name', findInFileName(item.name), item.id);
  }
  return out;
}

/** A stable signature of the findings, so "send anyway" covers exactly what the user was shown. */
export const findingsKey = (findings: readonly Finding[]): string =>
  findings.map((f) => `${f.source}:${f.kind}:${f.text}`).join('\n');

/** The draft with every identifier replaced: text and captions in place, file names as new names. */
export function redactDraft(
  text: string,
  items: readonly ScannedItem[],
): { text: string; captions: Map<string, string>; names: Map<string, string> } {
  const captions = new Map<string, string>();
  const names = new Map<string, string>();
  for (const item of items) {
    const caption = redactIdentifiers(item.caption);
    if (caption !== item.caption) captions.set(item.id, caption);
    const name = redactFileName(item.name);
    if (name !== item.name) names.set(item.id, name);
  }
  return { text: redactIdentifiers(text), captions, names };
}
