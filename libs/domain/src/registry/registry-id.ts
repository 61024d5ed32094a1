import { invalid } from '../rejection';

/** A registry id (region, industry, unit, person, link): chosen by the office or the import, e.g. a 行政区划代码 or a 统一社会信用代码. */
export const REGISTRY_ID_PATTERN = '^[A-Za-z0-9._-]{1,64}$';
const ID = new RegExp(REGISTRY_ID_PATTERN);

export function isRegistryId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** Refuses anything but a registry id, naming `field`. */
export function requireRegistryId(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') throw invalid('input.required', field, `${field} is required`);
  if (!isRegistryId(value)) throw invalid('input.malformed_id', field, `${field} must be 1–64 letters, digits, . _ -`);
  return value;
}

/** An optional reference: null (or absent) or a registry id. */
export function optionalRegistryId(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : requireRegistryId(value, field);
}
