import { z } from 'zod';
import { Id, Timestamp } from './common';

/** Image types accepted (by content, not by name). HEIC (HEVC) is decoded with libheif, the rest with sharp. */
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif'] as const;
/** Other files accepted: PDF, Office Open XML, OpenDocument, plain text and CSV. */
export const fileTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'text/csv',
] as const;

export const MediaKind = z.enum(['image', 'file']);
/** Stored renditions: `full` (images re-encoded without metadata; files as uploaded), `medium` and `thumb`. */
export const MediaVariant = z.enum(['full', 'medium', 'thumb']);
export type MediaVariant = z.infer<typeof MediaVariant>;

/** An uploaded picture or file, before or after it is attached to a message. */
export const Upload = z.object({
  id: Id,
  roomId: Id,
  kind: MediaKind,
  mime: z.string(),
  /** Sanitized file name. */
  name: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  variants: z.array(MediaVariant),
  /** Identifier kinds found in the file name (see findIdentifiers). */
  identifierWarnings: z.array(z.string()),
  createdAt: Timestamp,
});
export type Upload = z.infer<typeof Upload>;

/** An attachment as it appears in a message: the upload plus its caption. */
export const Attachment = Upload.omit({ roomId: true, createdAt: true, identifierWarnings: true }).extend({
  caption: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentRef = z.object({ uploadId: Id, caption: z.string().trim().max(500).default('') });
export type AttachmentRef = z.infer<typeof AttachmentRef>;
