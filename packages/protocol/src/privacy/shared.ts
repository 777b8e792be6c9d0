import type { IdentifierKind } from './types';

/** A detector's raw finding, before overlaps between detectors are resolved. */
export type Candidate = { kind: IdentifierKind; start: number; end: number };

export const isCjk = (ch: string | undefined): boolean => ch !== undefined && /[\u3400-\u9fff]/.test(ch);

/** A sentence or line ends somewhere in `text` (periods followed by a space, not decimals). */
export const crossesSentence = (text: string): boolean =>
  /[!?。！？;；\n]|(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|St|No|vs|approx|Apt|Rm|Pt))\.\s/.test(text);

/** A product, lot or catalogue label right before a number: the number is not a phone or SSN. */
const PRODUCT_LABEL =
  /(?:\b(?:lot|ref|cat|catalog(?:ue)?|part|model|sku|batch|serial|item|order|kit|product|isbn|ndc|barcode|accession|specimen|sample)\b\.?(?:\s*(?:no\.?|number|#))?|批号|货号|型号|编号|产品号?|订单号?|条码|标本号|样本号)\s*[:：#]?\s*$/i;

export const followsProductLabel = (text: string, start: number): boolean =>
  PRODUCT_LABEL.test(text.slice(Math.max(0, start - 30), start));

/** Runs a global regex over `text`, calling `fn` for each match (regex state is reset first). */
export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Spans that are never identifiers: URLs, DOIs and @mentions. */
export function maskedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re =
    /\b(?:https?:\/\/|www\.)[^\s<>"'）)】，。]+|\bdoi:\s*\S+|(?<![\w.@])@[\w.-]+|(?<![\w.@])@[\u3400-\u9fff]{1,6}/gi;
  eachMatch(re, text, (m) => spans.push([m.index, m.index + m[0].length]));
  return spans;
}
