import { CLINICIAN_TITLES, HONORIFICS, KIN, NOT_NAME, PINYIN_SURNAMES } from './names-en-words';
import { type Candidate, eachMatch } from './shared';

type Token = { start: number; end: number; word: string; lower: string };

const TOKEN = /[A-Za-z][A-Za-z'’-]*/g;
const CAPITALISED = /^(?:[A-Z][a-z]*['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?$/;
const INSTITUTION =
  /^\s+(?:Hospital|Clinic|Cent(?:er|re)|University|Institute|College|School|Infirmary|Medical|Health|Foundation|Trial|Study|Group|Society|Association|Criteria|Score|Scale|Guidelines?|Guidance|Protocol|Campaign|Definition|Formula|Syndrome|Street|Avenue|Road|Lane|Boulevard|Drive|Court|Dashboard|Lab(?:oratory)?|Pharmacy|Department|County|City|District|Province|Market|Journal)\b|^\s+et\s+al\b/;
/** "Mr. Smith from biomed", "Mr. Smith, the pharmacist": staff, not patients. */
const STAFF_AFTER =
  /^(?:'s)?\s*,?\s*(?:(?:from|of)\s+(?:the\s+)?(?:biomed\w*|engineering|it|facilities|pharmacy|admin\w*|security|housekeeping|procurement|supply|finance|hr|estates|maintenance|catering|switchboard)|(?:the|our)\s+(?:pharmacist|nurse|engineer|tech|technician|porter|manager|coordinator|chaplain|interpreter|administrator|receptionist|fellow|resident|attending|consultant|registrar|intern|therapist|RT|charge nurse))\b/i;
const AGE_AFTER =
  /^(?:'s)?\s*[,(—–-]?\s*(?:a\s+|an\s+)?\d{1,3}\s*(?:[MF]\b|y\/?o\b|y\.o\.|yrs?\b|years?[\s-]old\b|-year-old\b|(?:male|female|man|woman|M\/|F\/)\b)|^\s*[,(]\s*(?:male|female|man|woman)\s*,?\s*\d{1,3}\b/i;
const VERB_AFTER =
  /^(?:'s)?\s+(?:(?:was|is|has been|had been|got|remains|became)\s+(?:now\s+|still\s+)?)?(?:re)?(?:admitted|intubated|extubated|discharged|transferred|ventilated|proned|diagnosed|swabbed|tested|presented|presents|developed|complain(?:s|ed)|died|deteriorated|desat(?:urat)?(?:ed|s)|desatted|collapsed|arrested|coded|reports|denies|febrile|hypoxic|positive|DNR|DNI|on (?:the )?(?:vent|ventilator|ECMO|HFNC|BiPAP|CPAP|oxygen|O2|pressors))\b/i;
/** "William Turner's family", "Raymond Ortiz's CT": a possessive and something only a patient has. */
const POSSESSIVE_AFTER =
  /^['’]s?\s+(?:family|wife|husband|daughter|son|mother|father|sister|brother|partner|labs?|results?|CT|CXR|PCR|swab|MRN|DOB|chart|sats|bed|scans?|x-?rays?|meds|medications|O2|oxygen|temp|fever|cough|cultures?|consent|discharge|admission)\b/i;
/** "Pt: HERNANDEZ, Luis", "Kim, Soo-jin 34F": surname, comma, given name. */
const LAST_FIRST =
  /(?<![A-Za-z])([A-Z]{2,}|[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?),\s?([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![A-Za-z])/g;
const VERB_BEFORE =
  /\b(?:(?:update|updates|news|plan|results?|labs|family) (?:on|for|of)|spoke (?:to|with)|talked (?:to|with)|called|phoned|visited|examined|saw|seen|swabbed|admitted|discharged|transferred|intubated)\s+$/i;
const ZH_TRIGGER_BEFORE = /(?:患者|病人|病患|姓名|家属|联系人)[\s:：]*$/;
/** "Patient:", "Pt.", "pt is", "name was", "baby boy": right before a name (not across a full stop). */
const TRIGGER_BEFORE = /\b(?:patient|pt\.?|named|name|baby (?:boy|girl)|(?:patient|pt|name)\s+(?:is|was))[\s:,]{1,3}$/i;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  eachMatch(TOKEN, text, (m) => {
    const word = m[0].replace(/(?:['’]s?|-)+$/, '');
    tokens.push({ start: m.index, end: m.index + word.length, word, lower: word.toLowerCase() });
  });
  return tokens;
}

/** Some position in [from, to] is in `positions` and passes `test`. */
function bedWithin(positions: Set<number>, from: number, to: number, test: (at: number) => boolean): boolean {
  for (let at = Math.max(0, from); at <= to; at++) if (positions.has(at) && test(at)) return true;
  return false;
}

const isNameWord = (t: Token) =>
  !NOT_NAME.has(t.lower) && (CAPITALISED.test(t.word) || (/^[A-Z]{2,}$/.test(t.word) && PINYIN_SURNAMES.has(t.lower)));

/**
 * English (and romanised Chinese) names: a run of capitalised words counts as a name only when something
 * clinical marks it: an honorific, "patient"/"pt", a relative, a bed number, an age/sex, a clinical verb.
 */
export function findEnglishNames(text: string, beds: readonly Candidate[], out: Candidate[]): void {
  const tokens = tokenize(text);
  const bedEnds = new Set(beds.map((b) => b.end));
  const bedStarts = new Set(beds.map((b) => b.start));
  const gapBefore = (i: number) => (i > 0 ? text.slice(tokens[i - 1]!.end, tokens[i]!.start) : null);
  const isStaff = (end: number, i: number) => {
    const prev = i > 0 ? tokens[i - 1]! : undefined;
    if (prev && CLINICIAN_TITLES.has(prev.lower) && /^\.?\s+$/.test(gapBefore(i)!)) return true;
    const after = text.slice(end, end + 60);
    return INSTITUTION.test(after) || STAFF_AFTER.test(after);
  };

  for (let i = 0; i < tokens.length; i++) {
    // Honorific + surname ("Mr. Zhang", "Ms Patel"), unless a staff role follows ("Mr. Smith from IT").
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // All-caps MR / MS are mitral regurgitation and multiple sclerosis, not titles.
    if (!HONORIFICS.has(t.lower) || /^[A-Z]{2,}$/.test(t.word) || !next || !/^\.?\s+$/.test(gapBefore(i + 1)!))
      continue;
    if (!/^[A-Z][A-Za-z'’-]+$/.test(next.word) || (NOT_NAME.has(next.lower) && !PINYIN_SURNAMES.has(next.lower)))
      continue;
    const second = tokens[i + 2];
    const end = second && gapBefore(i + 2) === ' ' && isNameWord(second) ? second.end : next.end;
    if (!isStaff(end, i + 1)) out.push({ kind: 'person_name', start: next.start, end });
  }

  for (let i = 0; i < tokens.length; ) {
    if (!isNameWord(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && gapBefore(j + 1) === ' ' && isNameWord(tokens[j + 1]!)) j++;
    const run = tokens.slice(i, j + 1);
    const prev = i > 0 ? tokens[i - 1]! : undefined;
    i = j + 1;
    if (run.length > 4) continue;
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    const gap = text.slice(prev ? prev.end : 0, start);
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 40);
    const surnameOnly = run.length === 1 && (PINYIN_SURNAMES.has(run[0]!.lower) || /^[A-Z]{2,}$/.test(run[0]!.word));
    const triggered =
      (prev && KIN.has(prev.lower) && /^[\s:,]{1,3}$/.test(gap)) ||
      TRIGGER_BEFORE.test(before) ||
      POSSESSIVE_AFTER.test(after) ||
      ZH_TRIGGER_BEFORE.test(before) ||
      bedWithin(bedEnds, start - 4, start, (at) => /^[\s,:;–—-]*$/.test(text.slice(at, start))) ||
      bedWithin(bedStarts, end, end + 8, (at) => /^\s*(?:\(|,|in|at|–|-)?\s*$/.test(text.slice(end, at))) ||
      ((run.length >= 2 || surnameOnly) && AGE_AFTER.test(after)) ||
      (run.length >= 2 && (VERB_AFTER.test(after) || VERB_BEFORE.test(before)));
    if (triggered && !isStaff(end, i - run.length)) out.push({ kind: 'person_name', start, end });
  }

  eachMatch(LAST_FIRST, text, (m) => {
    const [last, first] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
    if (NOT_NAME.has(last) || NOT_NAME.has(first)) return;
    const end = m.index + m[0].length;
    if (
      TRIGGER_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) ||
      AGE_AFTER.test(text.slice(end, end + 40))
    )
      out.push({ kind: 'person_name', start: m.index, end });
  });
}
