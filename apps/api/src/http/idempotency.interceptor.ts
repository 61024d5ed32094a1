import { HttpException, HttpStatus, Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { DomainRejection, IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '@duban/domain';
import { IdempotencyKeys, type KeyClaim, type KeyClaimInput } from '@duban/persistence';
import { REJECTION_FAILURE_TYPE } from '@duban/workflows';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { CLOCK } from '../config/api-config.tokens';
import { asIdempotentRequest } from './idempotency-context';
import { problem, ProblemException } from './problem';
import { idempotentRequestOf } from './idempotency-ids';
import { bodyWithUploadedFile, isUploadRoute } from './upload-route-metadata';

/** The methods that write; an Idempotency-Key on a read means nothing and is ignored. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Expired keys are purged at most this often, by whichever request comes first. */
const PURGE_INTERVAL_MS = 3600_000;

const REFUSAL_TYPES: ReadonlySet<string> = new Set(Object.values(REJECTION_FAILURE_TYPE));

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The 422 for a key that already holds another request, naming the key, in the body shape of every other refusal. */
export function keyReusedException(key: string, claim: Extract<KeyClaim, { outcome: 'reused' }>): HttpException {
  const firstSentAt = claim.firstAt.toISOString();
  return new ProblemException(
    problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'idempotency.key_reused',
      `${IDEMPOTENCY_KEY_HEADER} ${JSON.stringify(key)} was already used for another request (${claim.request}, first sent ${firstSentAt}) (幂等键已用于其他请求): a retry must repeat its request exactly; send a new key for a new request`,
      { field: IDEMPOTENCY_KEY_HEADER, key, firstRequest: claim.request, firstSentAt },
    ),
  );
}

/** Whether `error` says the request was refused before anything was done (4xx): its key may be used again. */
export function isRefusal(error: unknown): boolean {
  if (error instanceof DomainRejection) return true;
  if (error instanceof HttpException) return error.getStatus() >= 400 && error.getStatus() < 500;
  // A validator's (or handler's decide's) refusal: the workflow recorded nothing.
  return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && REFUSAL_TYPES.has(error.cause.type ?? '');
}

/**
 * Every write accepts an `Idempotency-Key` (IETF httpapi draft): the key is the caller's own,
 * and holds the first request sent under it (method, path, query, body) for
 * IDEMPOTENCY_KEY_LIFETIME_MS. The same request again is a retry: it is handled under ids
 * derived from the key (WorkflowGateway), so it reaches the same resource or the same update,
 * which Temporal and the workflows answer again without applying it twice; a retry whose first
 * attempt is still running waits for that attempt's answer. Another request under a held key is
 * refused (422, naming the key) before anything happens; a malformed key is a 400 naming the
 * header. A request refused (4xx) frees the key it claimed, so the caller may correct it.
 * Without the header nothing here happens. An upload route (UploadRoute) is handled after its
 * file is parsed, by UploadIdempotencyInterceptor, so that the file's digest is part of the
 * request: here it is still unread.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private lastPurge = 0;

  /** Whether this instance serves upload routes (after their file is parsed) rather than every other write. */
  protected readonly servesUploads: boolean = false;

  constructor(
    private readonly keys: IdempotencyKeys,
    @Inject(CLOCK) private readonly now: () => Date,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!WRITE_METHODS.has(req.method)) return next.handle();
    if (isUploadRoute(this.reflector, context) !== this.servesUploads) return next.handle();
    const key = parseIdempotencyKey(req.headers['idempotency-key']);
    // Every write route needs a bearer token; a key is scoped to whoever the token speaks for.
    if (key === undefined || !req.actor) return next.handle();

    const request = idempotentRequestOf(req.actor.id, key, {
      method: req.method,
      path: req.path,
      query: req.query,
      body: await bodyWithUploadedFile(req),
    });
    const claimInput: KeyClaimInput = { scope: request.scope, fingerprint: request.fingerprint, request: request.label };
    const now = this.now();
    const claim = await this.keys.claim(claimInput, now);
    this.purgeNowAndThen(now);
    if (claim.outcome === 'reused') throw keyReusedException(key, claim);

    const handled = asIdempotentRequest(request, () => next.handle());
    if (claim.outcome === 'repeat') return handled;
    return handled.pipe(
      catchError((error: unknown) => {
        if (!isRefusal(error)) return throwError(() => error);
        return from(this.release(claimInput, claim.at)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  /** Frees the key. Should that fail it is logged, not answered: the caller gets its refusal (a corrected retry under the key then gets a 422). */
  private async release(claim: KeyClaimInput, claimedAt: Date): Promise<void> {
    await this.keys
      .release(claim, claimedAt)
      .catch((error: unknown) => this.logger.warn(`releasing idempotency key ${claim.scope} failed: ${messageOf(error)}`));
  }

  private purgeNowAndThen(now: Date): void {
    if (now.getTime() - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now.getTime();
    this.keys.purgeExpired(now).catch((error: unknown) => this.logger.warn(`purging expired idempotency keys failed: ${messageOf(error)}`));
  }
}
