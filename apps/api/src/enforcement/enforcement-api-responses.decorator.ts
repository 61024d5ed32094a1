import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { ENFORCEMENT_CASE_ID_SCHEMA } from './enforcement-params.pipe';
import { EnforcementUpdateResultView } from './views/enforcement-results.view';

/** `:caseId` — the case id (案件编号), as ParseEnforcementCaseIdPipe accepts it. */
export const ApiEnforcementCaseId = () =>
  ApiParam({
    name: 'caseId',
    description: '案件编号 (case id), a UUID; anything else is a 400 naming `caseId`.',
    schema: ENFORCEMENT_CASE_ID_SCHEMA,
  });

/** The 404 of a call on one case. */
export const ApiEnforcementCaseNotFound = () => ApiProblem(404, '案件不存在 (enforcement case not found, `resource.not_found`).');

/**
 * What every action on a case answers (an update of its workflow): 200 with the events it
 * recorded and the state after them — an action changes the case's record and creates no
 * resource with a URL of its own.
 */
export const ApiEnforcementAction = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiEnforcementCaseId(),
    ApiOkResponse({
      description: "Accepted: the events recorded (in GET /enforcement-cases/{caseId}/events) and the case's state after them.",
      type: EnforcementUpdateResultView,
    }),
    ApiCommonErrors(),
    ApiEnforcementCaseNotFound(),
    ApiProblem(
      409,
      '当前状态不允许 (not allowed in the case’s current state): `enforcement.case.closed`, `enforcement.suspension.*`, `enforcement.resumption.*`, `enforcement.referral.*`, `enforcement.closure.final`, `enforcement.close.*` (结案 refused: 行刑衔接 不能有案不移、以罚代刑, an open suspension, no measure).',
    ),
  );
