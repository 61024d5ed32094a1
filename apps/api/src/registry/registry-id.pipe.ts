import { Injectable, type PipeTransform } from '@nestjs/common';
import { isRegistryId, REGISTRY_ID_PATTERN } from '@duban/domain';
import { problem, ProblemException } from '../http/problem';

/** The path parameter's schema, beside the pipe that enforces it. */
export const REGISTRY_ID_SCHEMA = { type: 'string', pattern: REGISTRY_ID_PATTERN, minLength: 1, maxLength: 64 } as const;

/** A registry id in the path (`:id`, `:unitId`, `:personId`): anything else is a 400 naming the parameter, before any lookup. */
@Injectable()
export class ParseRegistryIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string = 'id') {}

  transform(value: string): string {
    if (isRegistryId(value)) return value;
    throw new ProblemException(
      problem(
        400,
        'request.invalid',
        `${this.field} must be a registry id (1–64 letters, digits, . _ -, starting with a letter or digit), got ${JSON.stringify(value)}`,
        {
          field: this.field,
        },
      ),
    );
  }
}
