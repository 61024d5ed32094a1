import { HttpException, HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { loginKey } from '@duban/domain';
import type { ResolvedAuthConfig } from '../../config/auth-config';
import { AUTH_CONFIG } from '../../config/api-config.tokens';

/** The counters of login attempts (@nestjs/throttler's in-memory storage), one per process. */
export const LOGIN_ATTEMPTS = Symbol('DubanLoginAttempts');

/**
 * 登录限流: at most `loginRateLimit.limit` login attempts per window from one IP address, and
 * as many for one login name from anywhere (password guessing across addresses); beyond either,
 * 429 with Retry-After until the window ends. Counted before the password is checked, so a
 * flood costs no hashing. On top of the API-wide rate limit (throttling/).
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    @Inject(LOGIN_ATTEMPTS) private readonly attempts: ThrottlerStorageService,
    @Inject(AUTH_CONFIG) private readonly config: ResolvedAuthConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const { limit, windowMs } = this.config.loginRateLimit;
    const name = typeof req.body?.loginName === 'string' ? loginKey(req.body.loginName) : '';
    const keys = [`login-ip:${req.ip ?? 'unknown'}`, ...(name ? [`login-name:${name}`] : [])];
    for (const key of keys) {
      const record = await this.attempts.increment(key, windowMs, limit, windowMs, 'login');
      if (record.isBlocked) {
        res.setHeader('Retry-After', String(Math.max(1, record.timeToBlockExpire)));
        throw new HttpException(
          `too many login attempts (登录尝试过于频繁): at most ${limit} per ${windowMs / 1000} s per address and per login name; retry after the Retry-After seconds`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
    }
    return true;
  }
}
