/** The `@query` being typed just before the caret, if any (mention syntax is `@handle`). */
export function mentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const m = /(^|[\s([{"'，。、（])@([a-z0-9._-]{0,32})$/i.exec(before);
  if (!m) return null;
  const query = m[2] ?? '';
  return { query: query.toLowerCase(), start: caret - query.length - 1 };
}

/** Replaces the `@query` at `start` with the chosen handle and a space; returns the new text and caret. */
export function completeMention(
  text: string,
  start: number,
  caret: number,
  handle: string,
): { text: string; caret: number } {
  const insert = `@${handle} `;
  const after = text.slice(caret).replace(/^[a-z0-9._-]*/i, '');
  const next = text.slice(0, start) + insert + after.replace(/^ /, '');
  return { text: next, caret: start + insert.length };
}

type Candidate = { handle: string; displayName: string };
/** Handles that start with the query first, then names that contain it. */
export function rankCandidates<T extends Candidate>(list: T[], query: string, limit = 8): T[] {
  const q = query.toLowerCase();
  const score = (c: T) => {
    const h = c.handle.toLowerCase();
    const n = c.displayName.toLowerCase();
    if (h.startsWith(q)) return 0;
    if (n.startsWith(q)) return 1;
    if (h.includes(q) || n.includes(q)) return 2;
    return 3;
  };
  return list
    .map((c) => ({ c, s: score(c) }))
    .filter((x) => x.s < 3)
    .sort((a, b) => a.s - b.s || a.c.handle.localeCompare(b.c.handle))
    .slice(0, limit)
    .map((x) => x.c);
}
