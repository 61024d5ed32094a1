import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET } from './auth-options';
import { BearerAuthGuard } from './bearer-auth.guard';
import { PermissionGuard } from './permission.guard';

/** Bearer tokens (HS256) on every route but `@Public()` ones, then the role check of `@Permit(table, action)`. */
@Module({})
export class AuthModule {
  static forRoot(secret: string): DynamicModule {
    return {
      module: AuthModule,
      // AUTH_SECRET is the login's too (auth/login signs with it).
      global: true,
      providers: [
        { provide: AUTH_SECRET, useValue: secret },
        // In this order: who is calling, then whether that role may.
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
      ],
      exports: [AUTH_SECRET],
    };
  }
}
