import { isValidCnResidentId, isValidSsn } from './checks';
import { type Candidate, eachMatch, followsProductLabel } from './shared';

const CN_ID = /(?<![0-9A-Za-z])[1-9]\d{5}[ -]?(?:18|19|20)\d{2}[01]\d[0-3]\d[ -]?\d{3}[\dXx](?![0-9A-Za-z])/g;

export function findCnResidentIds(text: string, out: Candidate[]): void {
  eachMatch(CN_ID, text, (m) => {
    if (isValidCnResidentId(m[0])) out.push({ kind: 'cn_resident_id', start: m.index, end: m.index + m[0].length });
  });
}

const SSN_DASHED = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
const SSN_LABELLED =
  /\b(?:SSN|SS#|social security(?: number| no\.?| #)?)[\s:#]*(?:is\s+)?(\d{3}[ -]?\d{2}[ -]?\d{4})(?!\d)/gi;

export function findSsns(text: string, out: Candidate[]): void {
  const add = (value: string, start: number) => {
    if (isValidSsn(value) && !followsProductLabel(text, start))
      out.push({ kind: 'us_ssn', start, end: start + value.length });
  };
  eachMatch(SSN_DASHED, text, (m) => add(m[0], m.index));
  eachMatch(SSN_LABELLED, text, (m) => add(m[1]!, m.index + m[0].length - m[1]!.length));
}

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function findEmails(text: string, out: Candidate[]): void {
  eachMatch(EMAIL, text, (m) => {
    const value = m[0].replace(/[.-]+$/, '');
    const tld = value.slice(value.lastIndexOf('.') + 1);
    if (/^[A-Za-z]{2,24}$/.test(tld) && !/^[._%+-]/.test(value))
      out.push({ kind: 'email', start: m.index, end: m.index + value.length });
  });
}

/** Chinese mobiles (1[3-9]x xxxx xxxx, optionally +86), with or without spaces or hyphens. */
const CN_MOBILE = /(?<![\d+])(?:(?:\+|00)86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
/** Chinese landlines with an area code: 027-83665432, (010) 64551234. */
const CN_LANDLINE = /(?<![\d+])(?:\(0\d{2,3}\)\s?|0\d{2,3}[ -])\d{7,8}(?!\d)/g;
/** North American numbers; separators are required so bare 10-digit counts are left alone. */
const NANP = /(?<![\w+])(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\)[ .-]?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?![\d-])/g;
/** Any number written with a leading + country code. */
const INTERNATIONAL = /\+[1-9][\d ().-]{6,20}\d/g;
/** A number after a word that says it is a phone number: 电话, mobile, contact number for the son: … */
const LABELLED =
  /(?:\b(?:phone|tel|telephone|mobile|cell(?:phone)?|contact(?: number| no\.?)?|call(?: me)?(?: at| on)?|fax|whatsapp|wechat)\b|电话|手机号?|联系方式|座机|号码)[^\d\n.。;；]{0,24}?(\+?\d[\d ().-]{5,18}\d)(?![\d/])/gi;

const LOOKS_LIKE_DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const digitCount = (s: string) => s.replace(/\D/g, '').length;

export function findPhones(text: string, out: Candidate[]): void {
  const add = (start: number, value: string, minDigits: number, maxDigits = 15) => {
    value = value.replace(/[\s(.-]+$/, '');
    const digits = digitCount(value);
    if (digits < minDigits || digits > maxDigits || /[ ().-]{3,}/.test(value) || LOOKS_LIKE_DATE.test(value)) return;
    if (followsProductLabel(text, start)) return;
    out.push({ kind: 'phone', start, end: start + value.length });
  };
  eachMatch(CN_MOBILE, text, (m) => add(m.index, m[0], 11));
  eachMatch(CN_LANDLINE, text, (m) => add(m.index, m[0], 10));
  eachMatch(NANP, text, (m) => add(m.index, m[0], 10));
  eachMatch(INTERNATIONAL, text, (m) => add(m.index, m[0], 8));
  eachMatch(LABELLED, text, (m) => add(m.index + m[0].length - m[1]!.length, m[1]!, 7));
}
