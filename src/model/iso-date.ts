/** `YYYY-MM-DD`, optionally with a time and a zone: the ISO 8601 forms a story file may use. */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * True when `value` is an ISO 8601 date that exists: 2019-02-29 does not, nor does T25:99.
 * Years 0001-0099 are real years, not 1901-1999 as `Date.UTC` would make them.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = utcDate(year, month, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const [hour, minute, second, zoneHour, zoneMinute] = [match[4], match[5], match[6], match[7], match[8]].map((part) =>
    part === undefined ? 0 : Number(part),
  ) as [number, number, number, number, number];
  // 60 seconds is a leap second; zones run from -23:59 to +23:59.
  return hour <= 23 && minute <= 59 && second <= 60 && zoneHour <= 23 && zoneMinute <= 59;
}

/** Midnight UTC of a calendar date, for any year from 0 to 9999. */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes the year literally (Date.UTC maps 0-99 to 1900-1999).
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
