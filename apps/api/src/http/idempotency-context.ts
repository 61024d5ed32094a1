import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The write being served under an Idempotency-Key, as the IdempotencyInterceptor set it up for
 * the handler: the WorkflowGateway derives the created resource's id and the update id from it,
 * so that a retry of the request names the same workflow and the same update.
 */
export interface IdempotentRequest {
  /** The key as the caller sent it (without quotes). */
  key: string;
  /** UUID of (caller, key): the key's row in idempotency_key. */
  scope: string;
  /** SHA-256 (hex) of the request's canonical method, path, query and body. */
  fingerprint: string;
  /** UUID of (caller, key, fingerprint): a created resource's id, and the update's id. */
  requestId: string;
  /** `POST /hazards/<id>/progress`. */
  label: string;
}

const storage = new AsyncLocalStorage<IdempotentRequest>();

/** The keyed write being served, or undefined (no Idempotency-Key, or not a write). */
export function currentIdempotentRequest(): IdempotentRequest | undefined {
  return storage.getStore();
}

/** Runs `fn` (the rest of the request's handling) as the keyed write `request`. */
export function asIdempotentRequest<T>(request: IdempotentRequest, fn: () => T): T {
  return storage.run(request, fn);
}
