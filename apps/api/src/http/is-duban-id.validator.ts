import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidId } from '@duban/domain';

/** A unit / campaign id as the domain accepts it: 1–100 letters, digits, `_ . : -`. */
export function IsDubanId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDubanId',
      validator: {
        validate: (value: unknown) => isValidId(value),
        defaultMessage: (args) => `${args?.property ?? 'id'} must be 1–100 letters, digits, _ . : - (starting with a letter or digit)`,
      },
    },
    options,
  );
}
