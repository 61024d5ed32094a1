import type { TimeSpan } from './time-span';
import { WEEKDAY_CALENDAR, type WorkCalendar } from './work-calendar';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The one place deadline arithmetic happens. Working days step whole days and skip
 * non-working days on the calendar, keeping the time of day (a notice at 10:00 due in
 * 3 working days is due at 10:00 on the third working day after).
 */
export function addSpan(start: Date, span: TimeSpan, calendar: WorkCalendar = WEEKDAY_CALENDAR): Date {
  if (!Number.isFinite(span.amount)) throw new RangeError(`time span amount must be finite, got ${span.amount}`);
  switch (span.unit) {
    case 'hours':
      return new Date(start.getTime() + span.amount * HOUR_MS);
    case 'days':
      return new Date(start.getTime() + span.amount * DAY_MS);
    case 'workdays': {
      if (!Number.isInteger(span.amount)) throw new RangeError(`working days must be whole, got ${span.amount}`);
      const step = span.amount >= 0 ? DAY_MS : -DAY_MS;
      let remaining = Math.abs(span.amount);
      let cursor = start.getTime();
      while (remaining > 0) {
        cursor += step;
        if (calendar.isWorkday(new Date(cursor))) remaining--;
      }
      return new Date(cursor);
    }
  }
}
