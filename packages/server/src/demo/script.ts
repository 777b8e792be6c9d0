import type { RoomKey } from './rooms';

/**
 * Who may play a part, as `:`-separated filters, most important first (dropped from the end when nobody
 * in the room matches all): `coord`; `mod` (a moderator); `expert` (an expert, or a member made one);
 * a country (`CN`); a language (`zh`); a profession (`nurse`); `~word` in the specialty; `*` for anyone.
 */
export type CastSpec = string;

type Line = {
  /** Key into the conversation's cast. */
  by: string;
  /** With `@{key}` where a cast member is mentioned. */
  text: string;
  /** A reply in the thread of the conversation's latest top-level line. */
  reply: boolean;
  edited: boolean;
  /** Posted after a long pause (about half a day), e.g. a lecture's slides after its announcement. */
  later: boolean;
};

export type Conversation = { room: RoomKey; cast: Record<string, CastSpec>; lines: Line[] };

/**
 * A conversation in a small script format, one message a line:
 *
 *   a: a top-level message
 *   b> a reply in the thread of the latest top-level message
 *   a> … ends with [edited] when it was edited
 *   +b> a leading + means "after a long pause" (a lecture's slides, the day after its announcement)
 *
 * Throws on a line it cannot read or an unknown cast key, so a typo fails the tests.
 */
export function talk(room: RoomKey, cast: Record<string, CastSpec>, script: string): Conversation {
  const lines: Line[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\+?)([a-z])([:>]) (.+)$/.exec(line);
    if (!m) throw new Error(`demo script (${room}): cannot read "${line}"`);
    const [, pause, by = '', kind, body = ''] = m;
    if (!(by in cast)) throw new Error(`demo script (${room}): "${by}" is not in the cast`);
    for (const ref of body.matchAll(/@\{([a-z])\}/g)) {
      if (!((ref[1] as string) in cast)) throw new Error(`demo script (${room}): @{${ref[1]}} is not in the cast`);
    }
    if (kind === '>' && !lines.some((l) => !l.reply)) throw new Error(`demo script (${room}): reply before a root`);
    const edited = body.endsWith(' [edited]');
    const text = edited ? body.slice(0, -' [edited]'.length) : body;
    lines.push({ by, text, reply: kind === '>', edited, later: pause === '+' });
  }
  if (lines.length === 0 || lines[0]?.reply) throw new Error(`demo script (${room}): must start with a top-level line`);
  return { room, cast, lines };
}
