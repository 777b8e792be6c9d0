import type { TFunction } from 'i18next';
import { ApiError } from '../lib/api';
import { SocketError } from '../lib/socket-types';

/** A user-facing sentence for any failure, by protocol error code. */
export function errorText(t: TFunction, err: unknown): string {
  const code = err instanceof ApiError || err instanceof SocketError ? err.code : 'internal';
  const key = `errors.${code}`;
  const text = t(key);
  return text === key ? t('errors.internal') : text;
}

/** Field-level messages from a `validation_failed` reply (Zod issues in `details`). */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return {};
  const out: Record<string, string> = {};
  const details = err.details as
    | { issues?: { path?: (string | number)[]; message?: string }[] }
    | { path?: (string | number)[]; message?: string }[]
    | undefined;
  const issues = Array.isArray(details) ? details : (details?.issues ?? []);
  for (const i of issues) {
    const key = String(i.path?.[0] ?? '');
    if (key && !out[key]) out[key] = i.message ?? '';
  }
  return out;
}
