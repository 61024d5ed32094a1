import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { HAZARD_ID_SCHEMA } from '../http/id-params.pipe';
import { HazardUpdateResultView } from './views/hazard-results.view';

/** `:id` — the hazard id (隐患编号), as ParseHazardIdPipe accepts it. */
export const ApiHazardId = () =>
  ApiParam({ name: 'id', description: '隐患编号 (hazard id), a UUID; anything else is a 400 naming `id`.', schema: HAZARD_ID_SCHEMA });

/** The 404 of a call on one hazard. */
export const ApiHazardNotFound = () => ApiProblem(404, '隐患不存在 (hazard not found, `resource.not_found`).');

/**
 * What every action on a hazard answers (an update of its workflow): 200 with the events it
 * recorded and the state after them. 200, not 201: an action records events in the hazard's
 * file (一患一档) but creates no resource with a URL of its own — the hazard is what changed.
 */
export const ApiHazardAction = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiHazardId(),
    ApiOkResponse({
      description:
        "Accepted: the events recorded (in GET /hazards/{id}/events) and the hazard's state after them. 200: an action creates no resource of its own.",
      type: HazardUpdateResultView,
    }),
    ApiCommonErrors(),
    ApiHazardNotFound(),
    ApiProblem(
      409,
      "当前状态不允许 (not allowed in the hazard's current state, or the hazard is closed): `hazard.status.not_allowed`, `hazard.closed`, `hazard.extension.*`, `hazard.monitoring.*`.",
    ),
  );
