import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { isValidId } from '@duban/domain';

/** The 400 for a malformed path id, naming the parameter (ids are checked before any lookup). */
function refuse(field: string, what: string, value: unknown): never {
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `${field} must be ${what} (1–100 letters, digits, _ . : -), got ${JSON.stringify(value)}`,
    field,
  });
}

/** `:id` must be a hazard id (隐患编号, a UUID); anything else is a 400 naming `id`, before any lookup. */
@Injectable()
export class ParseHazardIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `id must be a hazard id (隐患编号, a UUID), got ${JSON.stringify(value)}`,
      field: 'id',
    });
  }
}

/** `:id` — 专项行动编号 (campaign id): a UUID when the API launched it, lower-cased; any Duban id otherwise. 400 naming `id` before any lookup. */
@Injectable()
export class ParseCampaignIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
    if (isValidId(value)) return value;
    return refuse('id', 'a campaign id (专项行动编号)', value);
  }
}

/** `:unitId` — 单位编号 (unit id); 400 naming `unitId` before any lookup. */
@Injectable()
export class ParseUnitIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidId(value)) return value;
    return refuse('unitId', 'a unit id (单位编号)', value);
  }
}

/** `:id` of a campaign template (模板编号); 400 naming `id` before any lookup. */
@Injectable()
export class ParseTemplateIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidId(value)) return value;
    return refuse('id', 'a template id (模板编号)', value);
  }
}
