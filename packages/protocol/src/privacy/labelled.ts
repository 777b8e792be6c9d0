import { isPlausibleBirthDate } from './checks';
import { type Candidate, eachMatch } from './shared';

/** Record-number labels; the number that follows is the identifier. */
const MRN_LABEL_EN =
  /\b(?:MRN|MR ?#|MR ?No\.?|MR (?:number|num)|ID (?:number|no\.?|#)|URN|(?:medical|hospital|hosp\.?|chart|record|case|patient|pt|admission|UR|NHS|health ?card)\s?(?:record\s)?(?:number|num|no\.?|#|ID))(?![A-Za-z])[\s:#=]*(?:(?:is|was)\s+)?/gi;
const MRN_LABEL_ZH =
  /(?:病历号|病案号|住院号|门诊号|就诊号|就诊卡号|病历编号|病案编号|住院编号|登记号|ID号|(?:患者|病人)ID|医保卡号|社保卡号)码?\s*(?:是|为)?\s*[:：#]?\s*(?:(?:MRN|ID|No\.?)[\s:：#]*)?/gi;
const MRN_VALUE = /(?:[A-Za-z]{1,3}[- ]?)?\d[\d-]{2,18}\d(?:[ ]\d{3,})*(?![\d/]|\.\d)/y;
/** "MRN 4471902 and 4471903": further numbers in a list after a labelled one. */
const MRN_NEXT = /\s*(?:,|and|&|\/|or|和|及|、)\s*(\d[\d-]{2,18}\d)(?![\d/]|\.\d)/y;

export function findMedicalRecordNumbers(text: string, out: Candidate[]): void {
  let covered = 0;
  const value = (at: number): void => {
    if (at < covered) return;
    MRN_VALUE.lastIndex = at;
    const m = MRN_VALUE.exec(text);
    if (!m || m[0].replace(/\D/g, '').length < 4) return;
    out.push({ kind: 'medical_record_number', start: at, end: at + m[0].length });
    covered = at + m[0].length;
    for (;;) {
      MRN_NEXT.lastIndex = covered;
      const n = MRN_NEXT.exec(text);
      if (!n || n[1]!.replace(/\D/g, '').length < 4) break;
      const start = covered + n[0].length - n[1]!.length;
      out.push({ kind: 'medical_record_number', start, end: start + n[1]!.length });
      covered = start + n[1]!.length;
    }
  };
  for (const label of [MRN_LABEL_EN, MRN_LABEL_ZH]) {
    covered = 0;
    eachMatch(label, text, (m) => value(m.index + m[0].length));
  }
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const MONTH_NAMES: Record<string, number> = Object.fromEntries(MONTHS.split('|').map((m, i) => [m, i < 9 ? i + 1 : i]));
const MONTH = `(${MONTHS})[a-z]*\\.?`;
/** Dates as clinicians write them; each alternative captures its parts so the date can be validated. */
const DATE_FORMS: Array<[RegExp, (g: string[]) => [number, number, number]]> = [
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?/y, (g) => [+g[1]!, +g[2]!, +(g[3] ?? 1)]],
  [/(\d{4})[/.-](\d{1,2})(?:[/.-](\d{1,2}))?(?![\d/.-])/y, (g) => [+g[1]!, +g[2]!, +(g[3] ?? 1)]],
  [/(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-])/y, (g) => [year(g[3]!), +g[1]!, +g[2]!]],
  [/(\d{1,2})[/.-](\d{4})(?![\d/.-])/y, (g) => [+g[2]!, +g[1]!, 1]],
  [new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})`, 'iy'), (g) => [+g[3]!, month(g[2]!), +g[1]!]],
  [new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'iy'), (g) => [+g[3]!, month(g[1]!), +g[2]!]],
  [new RegExp(`${MONTH},?\\s+(\\d{4})`, 'iy'), (g) => [+g[2]!, month(g[1]!), 1]],
];
function year(y: string): number {
  return y.length === 4 ? +y : +y + 1900;
}
function month(name: string): number {
  return MONTH_NAMES[name.toLowerCase()] ?? 0;
}
/** The date written at `at`, if any: US order (month/day) first, then day/month. */
function dateAt(text: string, at: number): number {
  for (const [re, parts] of DATE_FORMS) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    const [y, mo, d] = parts(m as unknown as string[]);
    if (isPlausibleBirthDate(y, mo, d) || isPlausibleBirthDate(y, d, mo)) return m[0].length;
  }
  return 0;
}

const DOB_LABEL =
  /(?:\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|born(?: on| in)?|b\.(?=\s*\d))(?![A-Za-z])|出生日期|出生年月日?|出生于|出生在|生日|(?<![发产派衍滋卫])生于|出生)\s*(?:(?:is|was)\s+|是|为|[:：=-])?\s*/gi;
/** A full date followed by 出生 / 生: "1956年4月18日生". */
const DATE_THEN_BORN =
  /(?<!\d)(\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*(?:出生|生(?![活产效命前成]))/g;

export function findBirthDates(text: string, out: Candidate[]): void {
  eachMatch(DOB_LABEL, text, (m) => {
    const at = m.index + m[0].length;
    const len = dateAt(text, at);
    if (len) out.push({ kind: 'date_of_birth', start: at, end: at + len });
  });
  eachMatch(DATE_THEN_BORN, text, (m) => {
    const len = dateAt(text, m.index);
    if (len) out.push({ kind: 'date_of_birth', start: m.index, end: m.index + len });
  });
}
