import { type Candidate, eachMatch } from './shared';

const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Place|Terrace|Way|Parkway|Pkwy|Highway|Hwy|Circle|Square|Sq|Crescent|Close|Row|Alley';
/** "123 Main Street", "890 W Lincoln Blvd", "45 Oak Ave, Apt 3". */
const STREET_EN = new RegExp(
  `(?<![\\w.,/-])\\d{1,5}[A-Za-z]?\\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?\\s+)?` +
    `(?:[A-Z][a-z]+|\\d{1,3}(?:st|nd|rd|th))(?:\\s+[A-Z][a-z]+){0,3}?\\s+(?:${STREET_SUFFIX})\\b\\.?` +
    `(?:,?\\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|#)\\.?\\s*#?\\s*[A-Za-z0-9-]{1,6}\\b)?`,
  'g',
);

/** "武汉市江岸区解放大道1277号", "中山路305号2栋3单元501室"; the leading run of CJK is trimmed below. */
const STREET_ZH =
  /[\u3400-\u9fff]{1,14}?(?:路|街|大道|大街|巷|弄|胡同)\s*\d{1,5}\s*号(?:院)?(?:\s*(?:\d{1,4}|[A-Za-z])\s*(?:栋|幢|号楼|单元|楼|层|室|座))*/g;
/** Residential compounds: "幸福小区8栋2单元301室". */
const COMPOUND_ZH =
  /[\u3400-\u9fff]{1,10}?(?:小区|花园|公寓|新村|家园|社区)\s*\d{1,3}\s*(?:栋|幢|号楼)(?:\s*\d{1,2}\s*单元)?(?:\s*\d{1,4}\s*(?:室|号|房))?/g;
/** Words that end the text before an address ("家住", "地址", "位于", …). */
const ADDRESS_LEAD = /(?:住在|家住|住址|地址|位于|来自|住|在|于|是|为|的|到|从|对面|附近)/g;

function trimLead(text: string, start: number, end: number): number {
  const roadAt = text.slice(start, end).search(/\d/);
  const lead = text.slice(start, start + Math.max(0, roadAt - 2));
  let cut = 0;
  eachMatch(ADDRESS_LEAD, lead, (m) => {
    cut = m.index + m[0].length;
  });
  return start + cut;
}

export function findStreetAddresses(text: string, out: Candidate[]): void {
  eachMatch(STREET_EN, text, (m) => out.push({ kind: 'street_address', start: m.index, end: m.index + m[0].length }));
  for (const re of [STREET_ZH, COMPOUND_ZH])
    eachMatch(re, text, (m) => {
      const end = m.index + m[0].length;
      out.push({ kind: 'street_address', start: trimLead(text, m.index, end), end });
    });
}

/** Bed, bay, room and ward numbers. They only count as identifiers next to a name (see detect.ts). */
const BED_EN =
  /(?:\b(?:ICU|CCU|HDU|MICU|SICU|CICU|NICU|PICU)\s+)?\b(?:ward|bay|room|rm|bed|cubicle|cot|side ?room)\s*(?:no\.?\s*|#\s*)?\d{1,4}[A-Za-z]?\b/gi;
const BED_ZH =
  /(?:(?:ICU|CCU|EICU|RICU|NICU|PICU|CICU|[东西南北]区|[A-Za-z]?\d{1,2}[A-Za-z]?\s*(?:病区|楼|区))\s*)?(?<!\d)\d{1,3}\s*号?\s*床(?!位)/g;

export function findBedsAndWards(text: string): Candidate[] {
  const parts: Candidate[] = [];
  for (const re of [BED_EN, BED_ZH])
    eachMatch(re, text, (m) => parts.push({ kind: 'bed_ward', start: m.index, end: m.index + m[0].length }));
  parts.sort((a, b) => a.start - b.start);
  // "Ward 5B bed 3", "Ward 5B, bed 3": adjacent parts form one location.
  const merged: Candidate[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && part.start >= last.end && /^[\s,;/]{0,3}$/.test(text.slice(last.end, part.start))) last.end = part.end;
    else if (!last || part.start >= last.end) merged.push({ ...part });
  }
  return merged;
}
