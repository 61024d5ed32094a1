import { invalid } from './rejection';
import type { RejectionCodeOf } from './rejection-codes';

/** Size limits shared by the API's validation and the domain's own checks. */
export const TEXT_LIMITS = {
  title: 200,
  shortText: 200,
  longText: 4000,
  attachments: 20,
  attachmentRef: 500,
} as const;

/**
 * A character that is not white space as JavaScript's trim() sees it (WhiteSpace and
 * LineTerminator), spelled out rather than `\S` so that every regex engine (the OpenAPI schema's
 * consumers too) reads it the same: a text matching it is not blank.
 */
export const NON_BLANK_PATTERN = '[^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';

/** A text's length in characters (code points), as JSON Schema's maxLength counts them: an emoji is one. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * A required, non-blank text of at most `max` characters; a refusal names `field`. `missing` is
 * the code when it is absent or blank: `input.required` unless another rule makes it required
 * (e.g. an effect evaluation only to accept a major hazard).
 */
export function requiredText(
  value: unknown,
  field: string,
  max: number = TEXT_LIMITS.longText,
  missing: RejectionCodeOf<'invalid'> = 'input.required',
): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(missing, field, `${field} is required`);
  if (codePointLength(value) > max) throw invalid('input.too_long', field, `${field} is longer than ${max} characters`);
  return value;
}
