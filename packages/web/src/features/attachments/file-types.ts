import { fileTypes, imageTypes } from '@rounds/protocol';

/** The picker's `accept`: the types the server takes, plus extensions for systems that do not know the types. */
export const ACCEPT = [
  ...imageTypes,
  'image/heif',
  ...fileTypes,
  '.heic',
  '.heif',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.txt',
  '.csv',
].join(',');

const LABELS: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/avif': 'AVIF',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
};

/** Pictures every current browser decodes (for previews and the redaction editor); HEIC is not among them. */
export const drawableInBrowser = (type: string): boolean => /^image\/(jpeg|png|webp|avif|gif|bmp)$/.test(type);

/** A short, language-neutral type label ("PDF", "XLSX"), from the type or else the name's extension. */
export function typeLabel(mime: string, name: string): string {
  const known = LABELS[mime];
  if (known) return known;
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
  return ext ? ext.toUpperCase() : '?';
}

/** "0.6 kB", "12 kB", "3.4 MB", in the reader's locale (never bytes: "603 byte" reads badly). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = Math.max(0, bytes) / 1024;
  let u = 0;
  while (value >= 1024 && u < units.length - 1) {
    value /= 1024;
    u++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[u],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && (u > 0 || value < 1) ? 1 : 0,
  }).format(value);
}

/**
 * The size a picture is drawn at in the list: its shape, at most `max` px a side, never enlarged. Known in
 * advance so the virtualized list does not jump when the thumbnail loads. Unknown sizes get a square.
 */
export function fitWithin(width: number | null, height: number | null, max: number): { width: number; height: number } {
  if (!width || !height || width <= 0 || height <= 0) return { width: max, height: max };
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Where an upload's rendition is served; same-origin, so the session cookie authorizes `<img src>`. */
export const mediaUrl = (id: string, variant: 'full' | 'medium' | 'thumb'): string =>
  `/api/v1/media/${encodeURIComponent(id)}/${variant}`;
