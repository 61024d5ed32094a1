/**
 * An RFC 3339 date-time (JSON Schema's `date-time` format): a real calendar day, a time with
 * seconds (no leap second: JavaScript cannot hold one), an optional fraction and a zone (`Z` or
 * ±hh:mm), `T` and `Z` in either case. What the API's schema promises and its validation accepts.
 */
const RFC3339_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isDateTime(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = RFC3339_DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(new Date(text).getTime());
}
