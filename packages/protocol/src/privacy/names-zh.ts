import {
  AFTER_NAME,
  COMMON_GIVEN,
  COMPOUND_SURNAMES,
  NOT_A_NAME_START,
  NOT_GIVEN_NAME,
  SURNAMES,
  ZH_HONORIFIC,
} from './names-zh-words';
import { type Candidate, eachMatch, isCjk } from './shared';

const givenChar = (ch: string | undefined) => isCjk(ch) && !NOT_GIVEN_NAME.has(ch!);

/** Length of the surname at `at` (2 for 欧阳, 1 for 张), or 0. */
function surnameAt(text: string, at: number): number {
  if (COMPOUND_SURNAMES.has(text.slice(at, at + 2))) return 2;
  return SURNAMES.has(text[at]!) ? 1 : 0;
}

/**
 * The end of a full Chinese name (surname + one or two given-name characters) starting at `at`, or -1.
 * Anonymised forms (王某某, 张某, 李XX) have no given name and are rejected. A reading is accepted when the
 * next character can follow a name (punctuation, 的, 于, 入院…) and its given-name characters are common
 * ones, or when it is followed by punctuation, a space or a non-Chinese character.
 */
function zhNameEnd(text: string, at: number): number {
  const s = surnameAt(text, at);
  if (!s || NOT_A_NAME_START.has(text.slice(at, at + 2))) return -1;
  for (const given of [2, 1]) {
    const end = at + s + given;
    const chars = [...text.slice(at + s, end)];
    if (chars.length !== given || !chars.every(givenChar) || chars.includes('某')) continue;
    if (given === 2 && NOT_A_NAME_START.has(text.slice(at + s, end))) continue;
    const next = text[end];
    const hardStop = !isCjk(next);
    if (hardStop || (AFTER_NAME.has(next!) && chars.every((c) => COMMON_GIVEN.has(c)))) return end;
  }
  return -1;
}

/** The start of a name that ends exactly at `end` (longest reading first), or -1. */
function nameEndingAt(text: string, end: number): number {
  for (const len of [4, 3, 2]) if (end - len >= 0 && zhNameEnd(text, end - len) === end) return end - len;
  return -1;
}

/** Words after which a name is the patient's (or a relative's): 患者张伟, 姓名：冯丽丽, Pt 张伟. */
const TRIGGER =
  /(?:患者|病人|病患|患儿|伤者|死者|孕妇|产妇|姓名|名字|收治|接诊|家属|联系人|\bpatient\b|\bpt\b)\s*(?:[：:，,]\s*)?(?:是|为|叫|名叫)?\s*/gi;
/** ", 男, 45岁" / "（61岁）" after a name. */
const SEX_AGE_AFTER = /[，,、\s]*[男女]性?[，,、\s]*\d{1,3}\s*岁|[，,、（(]\s*\d{1,3}\s*岁/g;
/** A name then 的 and something clinical about that person: 赵一鸣的核酸, 王芳的CT, 叫许文强的病人. */
const POSSESSIVE_AFTER =
  /的(?:病人|患者|核酸|CT|胸片|片子|病情|血氧|体温|家属|病历|化验|检查|检验|报告|结果|情况|床位|血常规|血气|咽拭子|用药|治疗|女儿|儿子|丈夫|妻子|母亲|父亲)/g;
/** Names are not followed by these: "武汉人", "江汉区". */
const PLACE_AFTER = /^[市省县区镇村人]/;
/** Clinicians and public figures: 钟南山院士, 李文亮医生. */
const TITLE_AFTER = /^(?:医生|大夫|教授|院士|主任|护士|护士长|老师|博士|专家|团队|等人|等)/;

export function findChineseNames(text: string, beds: readonly Candidate[], out: Candidate[]): void {
  const add = (start: number, end: number) => {
    const rest = text.slice(end, end + 4);
    if (end > start && !PLACE_AFTER.test(rest) && !TITLE_AFTER.test(rest))
      out.push({ kind: 'person_name', start, end });
  };
  const nameAt = (at: number) => add(at, zhNameEnd(text, at));

  eachMatch(TRIGGER, text, (m) => {
    const at = m.index + m[0].length;
    nameAt(at);
    // 患者老王, 病人小李: familiar forms (but not 小于 "less than").
    const next = text[at + 2];
    if (/[老小]/.test(text[at] ?? '') && SURNAMES.has(text[at + 1]!) && text[at + 1] !== '于')
      if (!isCjk(next) || AFTER_NAME.has(next!)) add(at, at + 2);
  });
  // "3床 张伟", "ICU 12床患者王芳", "bed 8 陈国平".
  for (const bed of beds) {
    const m = /^[\s:：,，]*的?(?:患者|病人)?[\s:：]*/.exec(text.slice(bed.end))!;
    nameAt(bed.end + m[0].length);
    const lead = /[\s（(，,]*$/.exec(text.slice(Math.max(0, bed.start - 4), bed.start))!;
    const before = nameEndingAt(text, bed.start - lead[0].length);
    if (before >= 0) add(before, bed.start - lead[0].length);
  }
  // "林建华，男，59岁", "赵一鸣的核酸": a name directly before sex and age, or before 的 + something clinical.
  for (const re of [SEX_AGE_AFTER, POSSESSIVE_AFTER])
    eachMatch(re, text, (m) => {
      const end = m.index;
      const start = nameEndingAt(text, end);
      if (start >= 0) add(start, end);
      // 老李, 小王 with an age: familiar forms.
      if (re === SEX_AGE_AFTER && /[老小]/.test(text[end - 2] ?? '') && SURNAMES.has(text[end - 1]!)) add(end - 2, end);
    });
  // 张先生, 李女士, 王老先生.
  eachMatch(ZH_HONORIFIC, text, (m) => {
    const compound = COMPOUND_SURNAMES.has(text.slice(m.index - 2, m.index));
    const start = m.index - (compound ? 2 : 1);
    if (start < 0 || (!compound && !SURNAMES.has(text[start]!)) || text[start - 1] === '某') return;
    out.push({ kind: 'person_name', start, end: m.index + m[0].length });
  });
}
