import { createHash } from 'node:crypto';
import { idempotencyScopeName, idempotentRequestName, requestFingerprintText, requestLabel, type FingerprintedRequest } from '@duban/domain';
import type { IdempotentRequest } from './idempotency-context';

/** The UUID namespace of every id Duban derives from an Idempotency-Key (drawn once, never to change). */
export const IDEMPOTENCY_NAMESPACE = '0b6f7a4e-3c1d-4f0a-9e55-5d2b8c71a9e3';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** RFC 9562 UUID version 5: SHA-1 over the namespace's 16 bytes and the name's UTF-8. */
export function uuidV5(name: string, namespace: string = IDEMPOTENCY_NAMESPACE): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What `actorId` sending `request` under `key` is, for the key's claim and the ids derived from it. */
export function idempotentRequestOf(actorId: string, key: string, request: FingerprintedRequest): IdempotentRequest {
  const fingerprint = sha256Hex(requestFingerprintText(request));
  return {
    key,
    scope: uuidV5(idempotencyScopeName(actorId, key)),
    fingerprint,
    requestId: uuidV5(idempotentRequestName(actorId, key, fingerprint)),
    label: requestLabel(request),
  };
}
