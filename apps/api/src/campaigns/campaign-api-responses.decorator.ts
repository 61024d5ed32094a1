import { applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import { ApiCommonErrors } from '../http/api-responses.decorator';
import { ErrorResponseView } from '../http/error-response.view';

/** `:id` — the campaign id (专项行动编号). */
export const ApiCampaignId = () =>
  ApiParam({ name: 'id', description: '专项行动编号 (campaign id), a UUID from POST /campaigns; anything malformed is a 400 naming `id`.' });

/** `:unitId` — a unit on the campaign's roster. */
export const ApiUnitId = () => ApiParam({ name: 'unitId', description: '单位编号 (unit id) on the campaign\'s roster; a unit token may name only itself.' });

/** Refusals of any call on one campaign. */
export const ApiCampaignErrors = () =>
  applyDecorators(
    ApiCampaignId(),
    ApiCommonErrors(),
    ApiNotFoundResponse({ description: '专项行动不存在 (campaign not found), or the unit is not on its roster.', type: ErrorResponseView }),
  );

/** What every decision or unit action may also meet: a state that does not allow it. */
export const ApiCampaignConflict = () =>
  ApiConflictResponse({
    description: '当前状态不允许 (not allowed now: campaign closed or paused, obligation already reported or not open yet, unit removed …).',
    type: ErrorResponseView,
  });
