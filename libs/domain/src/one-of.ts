import { invalid } from './rejection';
import type { RejectionCodeOf } from './rejection-codes';

export interface OneOfOptions {
  /** The code when the value is absent: `input.required` unless another rule makes it required (an enterprise's status). */
  missing?: RejectionCodeOf<'invalid'>;
  /** What the refusal adds after the list, e.g. its Chinese terms (一般隐患/重大隐患). */
  note?: string;
}

/** A required value from a closed list; a refusal (`input.not_one_of`, or `missing` when absent) names `field`. */
export function requireOneOf<T extends string>(value: unknown, values: readonly T[], field: string, options: OneOfOptions = {}): T {
  const { missing = 'input.required', note } = options;
  if (value === undefined || value === null) throw invalid(missing, field, `${field} is required`);
  if (!values.includes(value as T))
    throw invalid('input.not_one_of', field, `${field} must be one of ${values.join(', ')}${note === undefined ? '' : ` (${note})`}`);
  return value as T;
}
