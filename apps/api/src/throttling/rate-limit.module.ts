import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { RateLimit } from '../config/api-config';
import { rateLimitCaller } from './rate-limit-caller';

/**
 * Rate limiting per caller (限流, @nestjs/throttler): `limit` requests per `windowMs` across
 * every route (not per route), counted per token subject or, without a valid token, per IP.
 * Beyond it: 429 with `Retry-After` (seconds). In memory: each API process counts its own.
 * Import it before AuthModule, so that its guard runs before the bearer check.
 */
@Module({})
export class RateLimitModule {
  static forRoot(rateLimit: RateLimit, authSecret: string): DynamicModule {
    if (rateLimit.limit === 0) return { module: RateLimitModule };
    const caller = rateLimitCaller(authSecret);
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', limit: rateLimit.limit, ttl: rateLimit.windowMs }],
          getTracker: (req) => caller(req as Parameters<typeof caller>[0]),
          // One budget per caller for the whole API; the default key is per route.
          generateKey: (_context, tracker, name) => `${name}:${tracker}`,
          errorMessage: `too many requests (请求过于频繁): at most ${rateLimit.limit} per ${rateLimit.windowMs / 1000} s per caller; retry after the Retry-After seconds`,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
