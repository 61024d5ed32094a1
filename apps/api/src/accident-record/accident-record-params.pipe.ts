import { Injectable, type PipeTransform } from '@nestjs/common';
import { CONTROL_INDICATOR_YEARS, isValidId } from '@duban/domain';
import { DUBAN_ID_SCHEMA } from '../http/field-decorators';
import { HAZARD_ID_SCHEMA, UUID_PATTERN } from '../http/id-params.pipe';
import { problem, ProblemException } from '../http/problem';

export const YEAR_SCHEMA = { type: 'integer', minimum: CONTROL_INDICATOR_YEARS.min, maximum: CONTROL_INDICATOR_YEARS.max } as const;
export const FIRING_KEY_SCHEMA = DUBAN_ID_SCHEMA;
export const REVIEW_RUN_ID_SCHEMA = HAZARD_ID_SCHEMA;

const refuse = (field: string, message: string) => new ProblemException(problem(400, 'request.invalid', message, { field }));

/** `:year` — 年度: a whole year in 2000–2100; 400 naming `year` otherwise. */
@Injectable()
export class ParseYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (year >= CONTROL_INDICATOR_YEARS.min && year <= CONTROL_INDICATOR_YEARS.max) return year;
    throw refuse('year', `year must be a year in ${CONTROL_INDICATOR_YEARS.min}–${CONTROL_INDICATOR_YEARS.max}, got ${JSON.stringify(value)}`);
  }
}

/** `:firingKey` — 问责编号; 400 naming `firingKey` before any lookup. */
@Injectable()
export class ParseFiringKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidId(value)) return value;
    throw refuse('firingKey', `firingKey must be a firing key (问责编号: 1–100 letters, digits, _ . : -), got ${JSON.stringify(value)}`);
  }
}

/** `:runId` — 检查编号 (a review run's id, a UUID); 400 naming `runId` otherwise. */
@Injectable()
export class ParseReviewRunIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (new RegExp(UUID_PATTERN).test(value)) return value.toLowerCase();
    throw refuse('runId', `runId must be a review run id (检查编号, a UUID), got ${JSON.stringify(value)}`);
  }
}
