import { invalid } from '@duban/domain';

/**
 * The opaque `cursor` of an audit-trail page (履职记录 分页): the page's last key as base64url
 * JSON. Opaque so that clients pass back what they were given and never build one; the key
 * itself is no secret (a unit token's pages stay confined by the query, not by the cursor).
 */
export function encodeEventCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key `cursor` carries, if `isKey` accepts it; otherwise a 400 on `cursor`. */
export function decodeEventCursor<K>(cursor: string, isKey: (value: unknown) => value is K): K {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isKey(value)) throw invalid('audit_trail.cursor_unknown', 'cursor', 'cursor must be the `next` of an earlier page of this audit trail');
  return value;
}

/** A positive whole number, as event seqs are. */
export const isEventSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
