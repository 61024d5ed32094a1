import { CST_OFFSET_MS } from '@duban/domain';

/*
 * Every moment the workspace shows or takes is China Standard Time (北京时间, UTC+8, no daylight
 * saving), whatever zone the browser runs in: an auditor abroad, or a headless Chromium in UTC,
 * would otherwise enter and read shifted times. The API speaks instants (ISO 8601 with a zone).
 */

/** A `datetime-local` input's value: YYYY-MM-DDTHH:mm, seconds optional. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a `datetime-local` value names when read as China Standard Time, in the API's
 * form (`2026-12-03T09:00` → `2026-12-03T01:00:00.000Z`); undefined for a blank or malformed one.
 */
export function instantFromChinaTime(local: string): string | undefined {
  const match = LOCAL_DATE_TIME.exec(local.trim());
  if (!match) return undefined;
  const [, day, hours, minutes, seconds = '00'] = match;
  const instant = new Date(`${day}T${hours}:${minutes}:${seconds}+08:00`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** The `datetime-local` value showing `instant` in China Standard Time (to minutes, or seconds). */
export function chinaTimeInputValue(instant: Date | string, seconds = false): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, seconds ? 19 : 16);
}

/** A moment as people in the office read it: China Standard Time, e.g. 2026/12/3 09:00:00; — for none. */
export function cst(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
