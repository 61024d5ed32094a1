import { Injectable, type PipeTransform } from '@nestjs/common';
import { isValidId } from '@duban/domain';
import { DUBAN_ID_SCHEMA } from './field-decorators';
import { problem, ProblemException } from './problem';

/** A UUID as JSON Schema's `uuid` format reads it: 8-4-4-4-12 hex digits, any version. */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const isUUID = (value: unknown): value is string => typeof value === 'string' && new RegExp(UUID_PATTERN).test(value);

/** The path parameters' schemas, stated beside the pipes that enforce them. */
export const HAZARD_ID_SCHEMA = { type: 'string', format: 'uuid', pattern: UUID_PATTERN } as const;
/** Campaign, unit and template ids: Duban ids (a UUID is one too). */
export const ID_PARAM_SCHEMA = DUBAN_ID_SCHEMA;

/** The 400 for a malformed path parameter, naming it (ids are checked before any lookup). */
export function refusePathParam(field: string, what: string, value: unknown): never {
  throw new ProblemException(problem(400, 'request.invalid', `${field} must be ${what}, got ${JSON.stringify(value)}`, { field }));
}

const DUBAN_ID = '1–100 letters, digits, _ . : -';

/** `:id` must be a hazard id (隐患编号, a UUID); anything else is a 400 naming `id`, before any lookup. */
@Injectable()
export class ParseHazardIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isUUID(value)) return value.toLowerCase();
    return refusePathParam('id', 'a hazard id (隐患编号, a UUID)', value);
  }
}

/** `:id` — 专项行动编号 (campaign id): a UUID when the API launched it, lower-cased; any Duban id otherwise. 400 naming `id` before any lookup. */
@Injectable()
export class ParseCampaignIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isUUID(value)) return value.toLowerCase();
    if (isValidId(value)) return value;
    return refusePathParam('id', `a campaign id (专项行动编号) (${DUBAN_ID})`, value);
  }
}

/** `:unitId` — 单位编号 (unit id); 400 naming `unitId` before any lookup. */
@Injectable()
export class ParseUnitIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidId(value)) return value;
    return refusePathParam('unitId', `a unit id (单位编号) (${DUBAN_ID})`, value);
  }
}

/** `:id` of a campaign template (模板编号); 400 naming `id` before any lookup. */
@Injectable()
export class ParseTemplateIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidId(value)) return value;
    return refusePathParam('id', `a template id (模板编号) (${DUBAN_ID})`, value);
  }
}
