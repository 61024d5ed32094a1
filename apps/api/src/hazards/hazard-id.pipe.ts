import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

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
