/** Dates and times in the reader's locale and time zone (the profile's, not the device's). */

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, timeZone: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, opts);
    }
    cache.set(key, f);
  }
  return f;
}

export type Formatter = {
  time(iso: string): string;
  dateTime(iso: string): string;
  day(iso: string): string;
  /** YYYY-MM-DD in the reader's zone, to group messages by day. */
  dayKey(iso: string): string;
  /** The current time in someone else's zone, e.g. for a profile card. */
  nowIn(timeZone: string): string;
};

export function makeFormatter(locale: string, timeZone: string | undefined): Formatter {
  return {
    time: (iso) => fmt(locale, timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
    dateTime: (iso) => fmt(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    day: (iso) =>
      fmt(locale, timeZone, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso)),
    dayKey: (iso) =>
      fmt('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)),
    nowIn: (tz) =>
      fmt(locale, tz, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(
        new Date(),
      ),
  };
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Localized names of countries and languages, with the code as fallback. */
export function displayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}
