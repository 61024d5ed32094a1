import { invalid } from './rejection';
import type { RejectionCodeOf } from './rejection-codes';

/**
 * A required value from a closed list; a refusal names `field`. `missing` is the code when it is
 * absent: `input.required` unless another rule makes it required (an enterprise's status).
 */
export function requireOneOf<T extends string>(
  value: unknown,
  values: readonly T[],
  field: string,
  missing: RejectionCodeOf<'invalid'> = 'input.required',
): T {
  if (value === undefined || value === null) throw invalid(missing, field, `${field} is required`);
  if (!values.includes(value as T)) throw invalid('input.not_one_of', field, `${field} must be one of ${values.join(', ')}`);
  return value as T;
}
