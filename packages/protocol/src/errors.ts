import { z } from 'zod';

/**
 * Every machine-readable error code Rounds returns, over HTTP (`{error: {code, message, details?}}`)
 * and on the socket (an `error` frame). Clients switch on these; docs/errors.md has one row per code.
 */
export const ErrorCode = {
  validation_failed: 'validation_failed',
  malformed_frame: 'malformed_frame',
  unknown_frame_type: 'unknown_frame_type',
  unsupported_version: 'unsupported_version',
  payload_too_large: 'payload_too_large',
  unauthenticated: 'unauthenticated',
  invalid_credentials: 'invalid_credentials',
  csrf_failed: 'csrf_failed',
  forbidden: 'forbidden',
  not_found: 'not_found',
  user_not_found: 'user_not_found',
  session_not_found: 'session_not_found',
  email_taken: 'email_taken',
  handle_taken: 'handle_taken',
  password_too_weak: 'password_too_weak',
  room_not_found: 'room_not_found',
  group_not_found: 'group_not_found',
  room_full: 'room_full',
  room_creation_not_allowed: 'room_creation_not_allowed',
  capacity_not_allowed: 'capacity_not_allowed',
  not_a_member: 'not_a_member',
  already_a_member: 'already_a_member',
  last_owner: 'last_owner',
  last_admin: 'last_admin',
  message_not_found: 'message_not_found',
  message_deleted: 'message_deleted',
  not_message_author: 'not_message_author',
  thread_root_invalid: 'thread_root_invalid',
  message_blocked: 'message_blocked',
  message_needs_confirmation: 'message_needs_confirmation',
  too_many_attachments: 'too_many_attachments',
  upload_not_found: 'upload_not_found',
  upload_empty: 'upload_empty',
  upload_type_not_allowed: 'upload_type_not_allowed',
  upload_content_mismatch: 'upload_content_mismatch',
  image_too_large: 'image_too_large',
  image_unreadable: 'image_unreadable',
  media_not_found: 'media_not_found',
  rate_limited: 'rate_limited',
  storage_full: 'storage_full',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorCodes = Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]];

export const ErrorBody = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The body of every HTTP error response. */
export const ErrorResponse = z.object({ error: ErrorBody });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/**
 * Codes after which the same request may succeed if sent again unchanged (after `retry-after` when given).
 * Anything else is final: show it, do not retry. docs/errors.md marks these rows.
 */
export const retryableErrorCodes = ['rate_limited', 'storage_full', 'internal'] as const satisfies readonly ErrorCode[];
export type RetryableErrorCode = (typeof retryableErrorCodes)[number];
