/**
 * A span of time as offices write it: calendar hours or days, or working days (工作日).
 * Negative amounts count backwards (e.g. a reminder 3 days before a deadline).
 */
export type TimeUnit = 'hours' | 'days' | 'workdays';

export interface TimeSpan {
  amount: number;
  unit: TimeUnit;
}

export const hours = (amount: number): TimeSpan => ({ amount, unit: 'hours' });
export const days = (amount: number): TimeSpan => ({ amount, unit: 'days' });
export const workdays = (amount: number): TimeSpan => ({ amount, unit: 'workdays' });

export function describeSpan(span: TimeSpan): string {
  const label = { hours: 'hour(s) 小时', days: 'day(s) 天', workdays: 'working day(s) 工作日' }[span.unit];
  return `${span.amount} ${label}`;
}
