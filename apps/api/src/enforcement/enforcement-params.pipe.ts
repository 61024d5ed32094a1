import { Injectable, type PipeTransform } from '@nestjs/common';
import { HAZARD_ID_SCHEMA, UUID_PATTERN } from '../http/id-params.pipe';
import { problem, ProblemException } from '../http/problem';

/** `:caseId` of an enforcement case (案件编号): a UUID, as the API draws it (the same form as a hazard id). */
export const ENFORCEMENT_CASE_ID_SCHEMA = HAZARD_ID_SCHEMA;

/** `:caseId` must be a case id (案件编号, a UUID); anything else is a 400 naming `caseId`, before any lookup. */
@Injectable()
export class ParseEnforcementCaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value === 'string' && new RegExp(UUID_PATTERN).test(value)) return value.toLowerCase();
    throw new ProblemException(
      problem(400, 'request.invalid', `caseId must be an enforcement case id (案件编号, a UUID), got ${JSON.stringify(value)}`, { field: 'caseId' }),
    );
  }
}
