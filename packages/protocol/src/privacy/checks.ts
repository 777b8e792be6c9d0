const CN_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_ID_CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits of a Chinese resident ID. */
export function cnResidentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * CN_ID_WEIGHTS[i]!;
  return CN_ID_CHECK_CHARS[sum % 11]!;
}

/** A real calendar date between 1900-01-01 and `today`. */
export function isPlausibleBirthDate(year: number, month: number, day: number, today = new Date()): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= today.getTime();
}

/**
 * An 18-character Chinese resident ID (GB 11643): 6-digit region, 8-digit birth date, 3-digit sequence and
 * the MOD 11-2 check character. Spaces or hyphens between the groups are ignored.
 */
export function isValidCnResidentId(raw: string, today = new Date()): boolean {
  const id = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  const birth = isPlausibleBirthDate(
    Number(id.slice(6, 10)),
    Number(id.slice(10, 12)),
    Number(id.slice(12, 14)),
    today,
  );
  return birth && cnResidentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** A US Social Security number in a range the SSA issues: not area 000, 666 or 9xx, group 00 or serial 0000. */
export function isValidSsn(raw: string): boolean {
  const m = /^(\d{3})[\s-]?(\d{2})[\s-]?(\d{4})$/.exec(raw.trim());
  if (!m) return false;
  const [, area, group, serial] = m as unknown as [string, string, string, string];
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}
