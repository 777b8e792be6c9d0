import { fileTypes, imageTypes } from '@rounds/protocol';
import { AppError } from '../../errors';

/** Valid UTF-8, allowing a character cut at the end of the sniffed head. */
function isUtf8(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

type Detected = { mime: string; kind: 'image' | 'file' };

const ascii = (b: Buffer, start: number, end: number) => b.subarray(start, end).toString('latin1');

/**
 * A HEIF-family picture by its `ftyp` brands: AVIF (AV1, which sharp decodes) or HEIC (HEVC, decoded with
 * libheif-js in process.ts). The generic brands mif1/msf1 are AVIF only when an AV1 brand is listed beside them.
 */
export function heifType(head: Buffer): 'image/heic' | 'image/avif' | undefined {
  if (head.length < 12 || ascii(head, 4, 8) !== 'ftyp') return undefined;
  const major = ascii(head, 8, 12);
  const end = Math.min(head.readUInt32BE(0), head.length);
  const compatible = new Set<string>();
  for (let i = 16; i + 4 <= end; i += 4) compatible.add(ascii(head, i, i + 4));
  if (major === 'avif' || major === 'avis') return 'image/avif';
  if (['heic', 'heix', 'hevc', 'hevx'].includes(major)) return 'image/heic';
  if (major === 'mif1' || major === 'msf1') {
    const av1 = compatible.has('avif') || compatible.has('avis');
    return av1 && !compatible.has('heic') && !compatible.has('heix') ? 'image/avif' : 'image/heic';
  }
  return undefined;
}

/** What the first bytes say the content is, whatever the name claims. */
function fromContent(head: Buffer): string | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  const heif = heifType(head);
  if (heif) return heif;
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(head, 0, 4) === 'PK\x03\x04') return 'application/zip';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  const text = head.toString('utf8').trimStart().slice(0, 200).toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'image/svg+xml';
  if (/^<(!doctype html|html|script|head|body)/.test(text)) return 'text/html';
  return !head.includes(0) && isUtf8(head) ? 'text/plain' : undefined;
}

const byExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  avif: 'image/avif',
  pdf: 'application/pdf',
  docx: fileTypes[1],
  xlsx: fileTypes[2],
  pptx: fileTypes[3],
  odt: fileTypes[4],
  ods: fileTypes[5],
  txt: 'text/plain',
  csv: 'text/csv',
};
const zipBased = new Set<string>([fileTypes[1], fileTypes[2], fileTypes[3], fileTypes[4], fileTypes[5]]);
const textBased = new Set<string>(['text/plain', 'text/csv']);

/**
 * Decides an upload's type from its content and checks its name agrees. Throws upload_empty,
 * upload_type_not_allowed (SVG, HTML, executables, anything off the list), upload_content_mismatch.
 */
export function detectType(head: Buffer, name: string): Detected {
  if (head.length === 0) throw new AppError('upload_empty', 'The file is empty.');
  const content = fromContent(head);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const claimed = byExtension[ext];
  if (content === 'image/svg+xml' || content === 'text/html' || content === 'image/gif' || !content) {
    throw new AppError(
      'upload_type_not_allowed',
      'Send JPEG, PNG, WebP or HEIC pictures, or PDF, Office or text files.',
      {
        allowed: [...imageTypes, ...fileTypes],
      },
    );
  }
  if ((imageTypes as readonly string[]).includes(content)) {
    if (claimed && claimed !== content) throw mismatch(name, content);
    return { mime: content, kind: 'image' };
  }
  if (content === 'application/pdf') {
    if (claimed !== 'application/pdf') throw mismatch(name, content);
    return { mime: content, kind: 'file' };
  }
  if (content === 'application/zip') {
    if (!claimed || !zipBased.has(claimed)) throw mismatch(name, content);
    return { mime: claimed, kind: 'file' };
  }
  // Plain text: only under a text extension, so an unknown format cannot pass as text.
  if (!claimed || !textBased.has(claimed)) {
    throw new AppError('upload_type_not_allowed', 'This kind of file is not accepted.', {
      allowed: [...imageTypes, ...fileTypes],
    });
  }
  return { mime: claimed, kind: 'file' };
}

function mismatch(name: string, content: string): AppError {
  return new AppError('upload_content_mismatch', `"${name}" does not hold what its name says (it holds ${content}).`);
}

/** A safe display name: no path, no control characters, at most 200 characters. */
export function sanitizeName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(-200);
  return clean || 'file';
}
