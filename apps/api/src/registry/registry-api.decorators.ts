import { applyDecorators, HttpCode, HttpStatus, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { locationHeader } from '../http/created';
import { REGISTRY_ID_SCHEMA } from './registry-id.pipe';

/** A registry id in the path. */
export const ApiRegistryId = (name: string, what: string) =>
  ApiParam({
    name,
    description: `${what}编号 (id): 1–64 letters, digits, \`. _ -\` (starting with a letter or digit); anything else is a 400 naming \`${name}\`.`,
    schema: REGISTRY_ID_SCHEMA,
  });

export const ApiRegistryNotFound = (what: string) =>
  ApiProblem(404, `${what}不存在 (not in the registry, or not as of \`asOf\`: \`resource.not_found\`).`);

const CONFLICTS = '`registry.version.stale` (someone changed it since you read it), `registry.record.exists`, `registry.record.retired`';

/** `POST`: a new record; 201 with `Location`, or 200 when it already was exactly this (a retry: nothing recorded). */
export const ApiRegistryCreate = (view: Type, what: string) =>
  applyDecorators(
    ApiCreatedResponse({ description: `登记成功: version 1 of the ${what}.`, type: view, headers: locationHeader(what) }),
    ApiOkResponse({ description: 'Unchanged (未变更): the record already is exactly this (a retried create); no version recorded.', type: view }),
    ApiCommonErrors(),
    ApiProblem(409, `版本冲突 (conflict): ${CONFLICTS}.`),
  );

/** `PUT` and retire: a new version at the expected one; 200 with the record as it now stands (unchanged: no new version). */
export const ApiRegistryChange = (view: Type, what: string, param: string) =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiRegistryId(param, what),
    ApiOkResponse({ description: `The ${what} as it now stands; a change to nothing records no version.`, type: view }),
    ApiCommonErrors(),
    ApiRegistryNotFound(what),
    ApiProblem(409, `版本冲突 (conflict): ${CONFLICTS}.`),
  );

/** `GET /…/:id`: the record, now or `?asOf=`. */
export const ApiRegistryGet = (view: Type, what: string, param: string) =>
  applyDecorators(ApiRegistryId(param, what), ApiOkResponse({ type: view }), ApiCommonErrors(), ApiRegistryNotFound(what));

/** `GET /…/:id/history`: every version, oldest first. */
export const ApiRegistryHistory = (view: Type, what: string, param: string) =>
  applyDecorators(
    ApiRegistryId(param, what),
    ApiOkResponse({ description: 'Every version, oldest first: who changed it, when and why (变更记录).', type: [view] }),
    ApiCommonErrors(),
    ApiRegistryNotFound(what),
  );
