import { Injectable, type PipeTransform } from '@nestjs/common';
import { FOUR_GATES, type FourGate } from '@duban/domain';
import { HAZARD_ID_SCHEMA, UUID_PATTERN } from '../http/id-params.pipe';
import { problem, ProblemException } from '../http/problem';

/** `:id` of an accident (事故编号): a UUID, as the API draws it (the same form as a hazard id). */
export const ACCIDENT_ID_SCHEMA = HAZARD_ID_SCHEMA;

export const GATE_SCHEMA = { type: 'string' as const, enum: [...FOUR_GATES] };

function refuse(field: string, what: string, value: unknown): never {
  throw new ProblemException(problem(400, 'request.invalid', `${field} must be ${what}, got ${JSON.stringify(value)}`, { field }));
}

/** `:id` must be an accident id (事故编号, a UUID); anything else is a 400 naming `id`, before any lookup. */
@Injectable()
export class ParseAccidentIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value === 'string' && new RegExp(UUID_PATTERN).test(value)) return value.toLowerCase();
    return refuse('id', 'an accident id (事故编号, a UUID)', value);
  }
}

/** `:gate` must be one of 四不放过 (cause, responsibility, rectification, education); else a 400 naming `gate`. */
@Injectable()
export class ParseGatePipe implements PipeTransform<string, FourGate> {
  transform(value: string): FourGate {
    if (FOUR_GATES.includes(value as FourGate)) return value as FourGate;
    return refuse('gate', `one of ${FOUR_GATES.join(', ')} (四不放过)`, value);
  }
}
