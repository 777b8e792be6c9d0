import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../features/auth/session';
import { browserTimeZone, type Formatter, makeFormatter } from '../lib/format';

/** Formatters for the interface language and the user's own time zone (from their profile). */
export function useFormatter(): Formatter {
  const { i18n } = useTranslation();
  const tz = sessionStore.use((s) => s.me?.timeZone) ?? browserTimeZone();
  return useMemo(() => makeFormatter(i18n.language, tz), [i18n.language, tz]);
}
