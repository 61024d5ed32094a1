import { invalid } from '../rejection';

/** The request header a client sends to make a write safe to retry (IETF httpapi draft "The Idempotency-Key HTTP Header Field"). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/**
 * How long a key holds its request (the draft asks servers to publish this): within it, the same
 * key with another request is refused; after it the key is forgotten and may name a new request.
 */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 3600_000;

/** Longest key accepted, in characters (a UUID is 36): bounds the ids and rows derived from it. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 128;

/** What a key may consist of: letters, digits and `-_.:~+/=` (UUIDs, ULIDs, base64 and base64url all fit). */
export const IDEMPOTENCY_KEY_CHARACTERS = 'A–Z a–z 0–9 - _ . : ~ + / =';

const KEY = `[A-Za-z0-9._:~+/=-]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}`;

/**
 * The header's accepted syntax: the draft makes it a Structured Field String (`"…"`); the bare
 * form most clients send is accepted too and names the same key. The characters allowed leave
 * out `"` and `\`, so a key never needs escaping.
 */
export const IDEMPOTENCY_KEY_PATTERN = `^(?:${KEY}|"${KEY}")$`;

const SYNTAX = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/**
 * The key an `Idempotency-Key` header value carries (its quotes removed), or undefined when the
 * header is absent. A value that breaks the syntax is refused naming the header: more than one
 * header arrives joined by commas, which the syntax does not allow either (the draft forbids it).
 */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(', ') : value;
  if (!SYNTAX.test(text)) {
    throw invalid(
      'idempotency.key_malformed',
      IDEMPOTENCY_KEY_HEADER,
      `${IDEMPOTENCY_KEY_HEADER} must be one key of 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters (${IDEMPOTENCY_KEY_CHARACTERS}), optionally in double quotes, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"`,
    );
  }
  return text.startsWith('"') ? text.slice(1, -1) : text;
}
