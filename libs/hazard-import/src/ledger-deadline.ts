/** Beijing time, the offices' clock, for a deadline written without a zone. */
const BEIJING = '+08:00';
const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const LOCAL_TIME = /^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const pad = (part: string) => part.padStart(2, '0');

/** Whether year-month-day is a day of the calendar (Date would roll 2030-02-30 over to March 2). */
function isCalendarDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/**
 * A 整改期限 cell as an ISO instant, or undefined when it reads as none: an ISO date-time with its
 * zone (2030-12-31T16:00:00.000Z, as the export writes), a date and time without one
 * (2030-12-31 18:00, Beijing time), or a date alone (2030-12-31: the end of that day, Beijing
 * time, i.e. 24:00 = the next day's 00:00).
 */
export function ledgerDeadline(cell: string): string | undefined {
  const text = cell.trim();
  let iso: string | undefined;
  const date = DATE_ONLY.exec(text);
  const local = LOCAL_TIME.exec(text);
  if (date) {
    if (!isCalendarDay(date[1], date[2], date[3])) return undefined;
    const start = new Date(`${date[1]}-${pad(date[2])}-${pad(date[3])}T00:00:00${BEIJING}`);
    if (Number.isNaN(start.getTime())) return undefined;
    return new Date(start.getTime() + 24 * 3600 * 1000).toISOString();
  }
  if (local) {
    const [y, m, d] = local[1].split('-');
    if (!isCalendarDay(y, m, d)) return undefined;
    const [h, ...rest] = local[2].split(':');
    iso = `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${rest.join(':')}${BEIJING}`;
  } else if (WITH_ZONE.test(text) && isCalendarDay(text.slice(0, 4), text.slice(5, 7), text.slice(8, 10))) iso = text;
  if (iso === undefined) return undefined;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}
