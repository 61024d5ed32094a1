import { applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { ErrorResponseView } from '../http/error-response.view';
import { HazardUpdateResultView } from './views/hazard-results.view';

/** `:id` — the hazard id (隐患编号). */
export const ApiHazardId = () =>
  ApiParam({ name: 'id', description: '隐患编号 (hazard id), a UUID; anything else is a 400 naming `id`.', format: 'uuid' });

/** What every action on a hazard answers (an update of its workflow). */
export const ApiHazardAction = () =>
  applyDecorators(
    ApiHazardId(),
    ApiCreatedResponse({ description: 'Accepted: the events recorded and the state after them.', type: HazardUpdateResultView }),
    ApiCommonErrors(),
    ApiNotFoundResponse({ description: '隐患不存在 (hazard not found).', type: ErrorResponseView }),
    ApiConflictResponse({ description: '当前状态不允许 (not allowed in the hazard\'s current state, or the hazard is closed).', type: ErrorResponseView }),
  );
