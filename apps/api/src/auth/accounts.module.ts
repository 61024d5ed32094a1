import { Global, Module } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { AccountStore, AuthSessions } from '@duban/persistence';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { AccountCommandsService } from './accounts/account-commands.service';
import { AccountTerritory } from './accounts/account-territory';
import { AccountsController } from './accounts/accounts.controller';
import { BootstrapOffice } from './accounts/bootstrap-office';
import { AuthController } from './login/auth.controller';
import { LOGIN_ATTEMPTS, LoginThrottleGuard } from './login/login-throttle.guard';
import { LoginService } from './login/login.service';
import { PasswordHasher } from './login/password-hasher';
import { PlacesModule } from './places.module';
import { SessionGate } from './session-gate';

/**
 * Accounts and login (账号与登录): /auth (login, refresh, logout, me, own password) and
 * /accounts (the office's). Global, so the bearer guard (AuthModule) finds SessionGate.
 */
@Global()
@Module({
  // Accounts name registry records (person, unit, region, industry): checked as of now on every change.
  imports: [RegistryReaderModule, PlacesModule],
  controllers: [AuthController, AccountsController],
  providers: [
    { provide: AccountStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccountStore(dataSource) },
    { provide: AuthSessions, inject: [DataSource], useFactory: (dataSource: DataSource) => new AuthSessions(dataSource) },
    // Its own counters, apart from the API-wide rate limit's.
    { provide: LOGIN_ATTEMPTS, useClass: ThrottlerStorageService },
    LoginThrottleGuard,
    PasswordHasher,
    SessionGate,
    LoginService,
    AccountCommandsService,
    AccountTerritory,
    BootstrapOffice,
  ],
  exports: [SessionGate],
})
export class AccountsModule {}
