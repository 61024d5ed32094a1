import { Injectable, type PipeTransform } from '@nestjs/common';
import { CALENDAR_YEAR_RANGE } from '@duban/domain';
import { problem, ProblemException } from '../http/problem';

/** The `:year` parameter's schema, stated beside the pipe that enforces it. */
export const CALENDAR_YEAR_SCHEMA = { type: 'integer', minimum: CALENDAR_YEAR_RANGE.min, maximum: CALENDAR_YEAR_RANGE.max } as const;

/** `:year` — 年度, 4 digits within CALENDAR_YEAR_RANGE; anything else is a 400 naming `year`. */
@Injectable()
export class ParseCalendarYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (year >= CALENDAR_YEAR_RANGE.min && year <= CALENDAR_YEAR_RANGE.max) return year;
    throw new ProblemException(
      problem(
        400,
        'request.invalid',
        `year must be a year from ${CALENDAR_YEAR_RANGE.min} to ${CALENDAR_YEAR_RANGE.max} (年度), got ${JSON.stringify(value)}`,
        {
          field: 'year',
        },
      ),
    );
  }
}
