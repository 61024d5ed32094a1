import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ApiProblem } from '../http/api-responses.decorator';
import { ApiRegistryId } from '../registry/registry-api.decorators';
import { FIRING_KEY_SCHEMA, REVIEW_RUN_ID_SCHEMA, YEAR_SCHEMA } from './accident-record-params.pipe';

/** `:regionId` (and `:year`): a region of the registry, its year. */
export const ApiRegionYear = () =>
  applyDecorators(
    ApiRegistryId('regionId', '地区'),
    ApiParam({ name: 'year', description: '年度 (year), 2000–2100; anything else is a 400 naming `year`.', schema: YEAR_SCHEMA }),
    ApiRegionNotFound(),
  );

export const ApiRegionNotFound = () => ApiProblem(404, '地区不在单位库中 (region not in the registry, `resource.not_found`).');

export const ApiFiringKey = () =>
  applyDecorators(
    ApiParam({
      name: 'firingKey',
      description: '问责编号 (firing key), e.g. `county-major-or-two-larger:330106:2026:any`.',
      schema: FIRING_KEY_SCHEMA,
    }),
    ApiProblem(404, '问责记录不存在 (firing not found, `resource.not_found`).'),
  );

export const ApiReviewRunId = () =>
  applyDecorators(
    ApiParam({
      name: 'runId',
      description: '检查编号 (review run id), a UUID; anything else is a 400 naming `runId`.',
      schema: REVIEW_RUN_ID_SCHEMA,
    }),
    ApiProblem(404, '检查记录不存在 (review run not found, `resource.not_found`).'),
  );
