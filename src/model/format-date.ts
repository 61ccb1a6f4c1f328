import { utcDate } from './iso-date.ts';

const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Formats the calendar date an ISO 8601 string names, in the reader's language.
 * `2019-04-24` stays the 24th everywhere: the date is formatted in UTC, never shifted
 * into the reader's time zone (which would make it the 23rd in the Americas).
 */
export function formatCalendarDate(iso: string, locale: string): string {
  const match = DATE_PART.exec(iso);
  if (!match) return iso;
  const date = utcDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    // An unknown locale tag must not cost the reader the date.
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}

/** The `YYYY-MM-DD` part of an ISO 8601 string, for a `<time datetime>` attribute. */
export function calendarDatePart(iso: string): string {
  return DATE_PART.exec(iso)?.[0] ?? iso;
}
