import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { ID_PARAM_SCHEMA } from '../http/id-params.pipe';
import { CampaignUpdateResultView } from './views/campaign-state.view';
import { UnitUpdateResultView } from './views/unit-obligations.view';

/** `:id` — the campaign id (专项行动编号), as ParseCampaignIdPipe accepts it. */
export const ApiCampaignId = () =>
  ApiParam({
    name: 'id',
    description: '专项行动编号 (campaign id), a UUID from POST /campaigns (any Duban id is read); anything malformed is a 400 naming `id`.',
    schema: ID_PARAM_SCHEMA,
  });

/** `:unitId` — a unit on the campaign's roster, as ParseUnitIdPipe accepts it. */
export const ApiUnitId = () =>
  ApiParam({
    name: 'unitId',
    description: "单位编号 (unit id) on the campaign's roster; a unit token may name only itself.",
    schema: ID_PARAM_SCHEMA,
  });

/** Refusals of any call on one campaign. */
export const ApiCampaignErrors = () =>
  applyDecorators(
    ApiCampaignId(),
    ApiCommonErrors(),
    ApiProblem(404, '专项行动不存在 (campaign not found), or the unit is not on its roster (`resource.not_found`).'),
  );

/** What every decision or unit action may also meet: a state that does not allow it. */
export const ApiCampaignConflict = () =>
  ApiProblem(
    409,
    '当前状态不允许 (not allowed now: campaign closed or paused, obligation already reported or not open yet, unit removed …): `campaign.closed`, `campaign.ended`, `campaign.obligation.*`, `campaign.unit.*` ….',
  );

/** An office decision creates nothing of its own: 200 with the events recorded and the campaign after them. */
export const ApiDecision = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOkResponse({
      description:
        'Decided: the events recorded (in GET /campaigns/{id}/events) and the campaign after them. 200: a decision creates no resource of its own.',
      type: CampaignUpdateResultView,
    }),
  );

/**
 * A report or an inspection records an event in the unit's file (单位任务) but creates no
 * resource with a URL of its own (an event has none today): 200, not 201.
 */
export const ApiUnitEvent = () =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOkResponse({
      description:
        "Recorded: the events (in GET /campaigns/{id}/events?unitId=) and the unit's obligations after them. 200: an event has no URL of its own.",
      type: UnitUpdateResultView,
    }),
  );
