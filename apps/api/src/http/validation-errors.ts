import { BadRequestException, HttpStatus, type ValidationError } from '@nestjs/common';

interface FieldMessages {
  field: string;
  messages: string[];
}

/** Flattens class-validator errors to dotted paths (`funds.amountYuan`, `attachments`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldMessages[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => (parent ? `${parent}.${message}` : message));
    const children = flattenValidationErrors(error.children ?? [], field);
    return own.length > 0 ? [{ field, messages: own }, ...children] : children;
  });
}

/**
 * The ValidationPipe's 400: Nest's usual message list (each message names its field), plus
 * `field` (the first offending one) and `details.fields` (all of them).
 */
export function validationException(errors: ValidationError[]): BadRequestException {
  const flat = flattenValidationErrors(errors);
  const fields = [...new Set(flat.map((f) => f.field))];
  return new BadRequestException({
    statusCode: HttpStatus.BAD_REQUEST,
    error: 'Bad Request',
    message: flat.flatMap((f) => f.messages),
    field: fields[0],
    details: { fields },
  });
}
