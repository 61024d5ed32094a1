import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseView } from './views/error-response.view';
import { HazardUpdateResultView } from './views/hazard-results.view';

/** `:id` — the hazard id (隐患编号). */
export const ApiHazardId = () =>
  ApiParam({ name: 'id', description: '隐患编号 (hazard id), a UUID; anything else is a 400 naming `id`.', format: 'uuid' });

/** Refusals any authenticated call may meet. */
export const ApiCommonErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ description: '输入有误 (invalid input): body, query or `id`; `field` names it.', type: ErrorResponseView }),
    ApiUnauthorizedResponse({ description: '未认证 (missing or invalid bearer token).', type: ErrorResponseView }),
  );

/** What every action on a hazard answers (an update of its workflow). */
export const ApiHazardAction = () =>
  applyDecorators(
    ApiHazardId(),
    ApiCreatedResponse({ description: 'Accepted: the events recorded and the state after them.', type: HazardUpdateResultView }),
    ApiCommonErrors(),
    ApiNotFoundResponse({ description: '隐患不存在 (hazard not found).', type: ErrorResponseView }),
    ApiConflictResponse({ description: '当前状态不允许 (not allowed in the hazard\'s current state, or the hazard is closed).', type: ErrorResponseView }),
  );
