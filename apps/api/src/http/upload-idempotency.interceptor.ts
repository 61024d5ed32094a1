import { Inject, Injectable, Optional, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { IdempotencyKeys } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Idempotency-Key on an upload route, run after the route's file interceptor has parsed the
 * file (the global IdempotencyInterceptor runs before it and leaves upload routes to this one).
 * Keys are on where the app has IdempotencyModule (global, as ApiModule has it): an app built
 * without it (a spec's) takes no keys on uploads either, as on every other route. (The token is
 * named: a union type leaves the parameter's design type Object.)
 */
@Injectable()
export class UploadIdempotencyInterceptor extends IdempotencyInterceptor {
  protected override readonly servesUploads = true;
  private readonly keysOn: boolean;

  constructor(@Optional() @Inject(IdempotencyKeys) keys: IdempotencyKeys | null, @Inject(CLOCK) now: () => Date, reflector: Reflector) {
    super(keys as IdempotencyKeys, now, reflector);
    this.keysOn = keys !== null && keys !== undefined;
  }

  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return this.keysOn ? super.intercept(context, next) : next.handle();
  }
}
