import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IdempotencyKeys } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Idempotency-Key on an upload route, run after the route's file interceptor has parsed the
 * file (the global IdempotencyInterceptor runs before it and leaves upload routes to this one).
 */
@Injectable()
export class UploadIdempotencyInterceptor extends IdempotencyInterceptor {
  protected override readonly servesUploads = true;

  constructor(keys: IdempotencyKeys, @Inject(CLOCK) now: () => Date, reflector: Reflector) {
    super(keys, now, reflector);
  }
}
