import { describe, expect, it } from 'vitest';
import { calendarDatePart, formatCalendarDate } from '../../src/model/format-date.ts';

describe('formatCalendarDate', () => {
  it('formatCalendarDate("2019-04-24") stays the 24th in an American time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      // Proof the zone took effect: a naive conversion would land on the 23rd here.
      expect(new Date('2019-04-24').getDate()).toBe(23);
      expect(formatCalendarDate('2019-04-24', 'en-US')).toBe('April 24, 2019');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('formatCalendarDate uses the date as written in a date-time with an offset', () => {
    expect(formatCalendarDate('2019-04-24T18:00:00+10:00', 'en-GB')).toBe('24 April 2019');
  });

  it('formatCalendarDate falls back to English for an unknown language tag', () => {
    expect(formatCalendarDate('2019-04-24', 'zz-invalid-tag-that-is-long')).toMatch(/2019/);
  });

  it('calendarDatePart returns the YYYY-MM-DD part', () => {
    expect(calendarDatePart('2019-04-24T18:00:00+10:00')).toBe('2019-04-24');
  });
});
