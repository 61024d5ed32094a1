import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { problem, ProblemException, type FieldError } from './problem';

/**
 * Flattens class-validator errors to the paths the domain names too: dotted for objects, an
 * index in brackets for list entries (`funds.amountYuan`, `scope.units[12].regionId`).
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = !parent ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, detail: parent ? `${parent}.${message}` : message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * The ValidationPipe's 400 as a problem: `detail` every message (each names its field), `field`
 * the first offending input and `errors` every one, in order.
 */
export function validationException(errors: ValidationError[]): ProblemException {
  const flat = flattenValidationErrors(errors);
  return new ProblemException(
    problem(400, 'request.invalid', flat.map((e) => e.detail).join('; ') || 'invalid input', { field: flat[0]?.field, errors: flat }),
  );
}

/**
 * The API's one validation pipe: unknown fields refused, the field named; one message per field
 * (the first rule it breaks, in the order its decorator lists them, not every rule it could).
 */
export function createApiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: validationException,
  });
}
