import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { invalid } from '@duban/domain';

/** `:id` must be a covert inspection id (暗访编号, a UUID the API gave); anything else is a 400 naming `id`, before any lookup. */
@Injectable()
export class ParseCovertInspectionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isUUID(value)) return value.toLowerCase();
    throw invalid('input.malformed_id', 'id', 'id must be a covert inspection id (暗访编号, a UUID)');
  }
}
