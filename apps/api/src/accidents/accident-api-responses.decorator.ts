import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { FOUR_GATE_LABELS } from '@duban/domain';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { describeEnum } from '../http/describe-enum';
import { ACCIDENT_ID_SCHEMA, GATE_SCHEMA } from './accident-params.pipe';
import { AccidentUpdateResultView } from './views/accident-results.view';

/** `:id` — the accident id (事故编号), as ParseAccidentIdPipe accepts it. */
export const ApiAccidentId = () =>
  ApiParam({ name: 'id', description: '事故编号 (accident id), a UUID; anything else is a 400 naming `id`.', schema: ACCIDENT_ID_SCHEMA });

/** `:gate` — one of 四不放过. */
export const ApiGate = () =>
  ApiParam({
    name: 'gate',
    description: `四不放过 gate: ${describeEnum(Object.fromEntries(Object.entries(FOUR_GATE_LABELS).map(([g, l]) => [g, `${l.zh} (${l.en})`])))}.`,
    schema: GATE_SCHEMA,
  });

/** The 404 of a call on one accident. */
export const ApiAccidentNotFound = () => ApiProblem(404, '事故不存在 (accident not found, `resource.not_found`).');

/**
 * What every action on an accident answers (an update of its workflow): 200 with the events it
 * recorded and the state after them — an action changes the accident's record and creates no
 * resource with a URL of its own.
 */
export const ApiAccidentAction = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiAccidentId(),
    ApiOkResponse({
      description: "Accepted: the events recorded (in GET /accidents/{id}/events) and the accident's state after them.",
      type: AccidentUpdateResultView,
    }),
    ApiCommonErrors(),
    ApiAccidentNotFound(),
    ApiProblem(
      409,
      '当前状态不允许 (not allowed in the accident’s current state): `accident.investigation.*`, `accident.gate.*` (结案 refused names each open gate in `openGates`), `accident.chain.already_received`, `accident.rectification.*`.',
    ),
  );
