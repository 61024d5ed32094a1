import type { OpenAPIObject, OperationObject, ParameterObject, PathItemObject } from '@nestjs/swagger';
import {
  IDEMPOTENCY_KEY_CHARACTERS,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_LIFETIME_MS,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
} from '@duban/domain';
import { WRITE_METHODS } from './idempotency.interceptor';

/** The header as every write operation declares it. */
export const IDEMPOTENCY_KEY_PARAMETER: ParameterObject = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header',
  required: false,
  description:
    `幂等键 (idempotency key, IETF httpapi draft "The Idempotency-Key HTTP Header Field"): makes this write safe to retry after a dropped connection. ` +
    `A Structured Field String ("…") or the bare key: 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters of ${IDEMPOTENCY_KEY_CHARACTERS}; a UUID is recommended. ` +
    `Keys are the caller's own (another caller's same key is another key). The same request (method, path, query, body) sent again under the same key ` +
    `creates nothing new and applies nothing twice: it answers with the same resource (a create) or the same update's result (an action), ` +
    `waiting for the first attempt if that is still running. Another request under a key already used is refused with a 422 naming the key. ` +
    `A key holds its request for ${IDEMPOTENCY_KEY_LIFETIME_MS / 3600_000} hours, then is forgotten; a request refused with a 4xx frees its key. ` +
    `A malformed key is a 400 naming the header. Without the header a retry is a new request.`,
  schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH + 2, pattern: IDEMPOTENCY_KEY_PATTERN },
  example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
};

const KEY_REUSED_DESCRIPTION = `幂等键已用于其他请求 (Idempotency-Key already used for another request): \`code\` is \`idempotency.key_reused\`, \`field\` is \`${IDEMPOTENCY_KEY_HEADER}\`, \`firstRequest\` names the request it holds.`;

/**
 * The OpenAPI document with the Idempotency-Key header and its 422 declared on every write
 * operation (the methods IdempotencyInterceptor acts on), in one place rather than on each route.
 * The 422 reuses the operation's 400 body schema: both are the API's one refusal shape.
 */
export function withIdempotencyKeyHeader(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths) as PathItemObject[]) {
    for (const method of WRITE_METHODS) {
      const operation = item[method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'] as OperationObject | undefined;
      if (!operation) continue;
      const parameters = (operation.parameters ?? []).filter((p) => !('name' in p && p.name === IDEMPOTENCY_KEY_HEADER && p.in === 'header'));
      operation.parameters = [...parameters, IDEMPOTENCY_KEY_PARAMETER];
      const refusal = operation.responses['400'];
      const content = refusal && 'content' in refusal ? refusal.content : undefined;
      operation.responses['422'] = { description: KEY_REUSED_DESCRIPTION, ...(content ? { content } : {}) };
    }
  }
  return document;
}
