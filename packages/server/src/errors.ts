import type { ErrorCode } from '@rounds/protocol';

/** An expected failure with a protocol error code. Anything else thrown becomes `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The HTTP status of each error code. */
export const httpStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_frame: 400,
  unknown_frame_type: 400,
  unsupported_version: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  user_not_found: 404,
  session_not_found: 404,
  email_taken: 409,
  handle_taken: 409,
  password_too_weak: 422,
  room_not_found: 404,
  group_not_found: 404,
  room_full: 409,
  room_creation_not_allowed: 403,
  capacity_not_allowed: 403,
  not_a_member: 403,
  already_a_member: 409,
  last_owner: 409,
  last_admin: 409,
  message_not_found: 404,
  message_deleted: 410,
  not_message_author: 403,
  thread_root_invalid: 422,
  message_blocked: 422,
  message_needs_confirmation: 409,
  too_many_attachments: 422,
  upload_not_found: 404,
  upload_empty: 422,
  upload_type_not_allowed: 415,
  upload_content_mismatch: 415,
  image_too_large: 422,
  image_unreadable: 422,
  media_not_found: 404,
  rate_limited: 429,
  storage_full: 507,
  internal: 500,
};
