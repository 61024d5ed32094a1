import { invalid } from './rejection';

/** Size limits shared by the API's validation and the domain's own checks. */
export const TEXT_LIMITS = {
  title: 200,
  shortText: 200,
  longText: 4000,
  attachments: 20,
  attachmentRef: 500,
} as const;

/** A required, non-blank text of at most `max` characters; a refusal names `field`. */
export function requiredText(value: unknown, field: string, max: number = TEXT_LIMITS.longText): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `${field} is required`);
  if (value.length > max) throw invalid(field, `${field} is longer than ${max} characters`);
  return value;
}
