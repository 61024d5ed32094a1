import { Module, type DynamicModule, type INestApplication, type ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Actor } from '@duban/domain';
import { TEMPORAL_CLIENT } from '@duban/temporal-client';
import { signAccessToken } from '../auth/access-token';
import { AuthModule } from '../auth/auth.module';
import { resolveApiConfig } from '../config/api-config';
import { ApiConfigModule } from '../config/api-config.module';
import { configureApiApp } from '../configure-api-app';

@Module({})
class FakeTemporalModule {
  static with(client: unknown): DynamicModule {
    return { module: FakeTemporalModule, global: true, providers: [{ provide: TEMPORAL_CLIENT, useValue: client }], exports: [TEMPORAL_CLIENT] };
  }
}

export interface TestAppOptions {
  /** Signs and checks the bearer tokens. */
  secret: string;
  /** The API's clock. */
  now: Date;
  /** Provided as TEMPORAL_CLIENT. */
  client: unknown;
  /** The feature modules under test, after the config, Temporal and auth modules. */
  imports: NonNullable<ModuleMetadata['imports']>;
  /** Providers replaced by in-memory stand-ins: [token, value]. */
  overrides?: ReadonlyArray<readonly [token: unknown, value: unknown]>;
  registrationTimeoutMs?: number;
}

export interface TestApp {
  app: INestApplication;
  base: string;
  /** One HTTP call as `actor` (signed with the secret), or with a raw token string; a JSON body parsed. */
  call(method: string, path: string, actor?: Actor | string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The API with `imports` over `client` and the overridden providers, listening on a free port. */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const { secret, now, client, imports, overrides = [], registrationTimeoutMs } = options;
  const config = resolveApiConfig({
    databaseUrl: 'postgres://unused',
    temporal: { address: 'unused:7233', namespace: 'default' },
    authSecret: secret,
    now: () => now,
    ...(registrationTimeoutMs !== undefined ? { registrationTimeoutMs } : {}),
  });
  let builder = Test.createTestingModule({
    imports: [ApiConfigModule.forRoot(config), FakeTemporalModule.with(client), AuthModule.forRoot(secret), ...imports],
  });
  for (const [token, value] of overrides) builder = builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.compile();
  const app = configureApiApp(moduleRef.createNestApplication({ logger: false }));
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    base,
    async call(method, path, actor, body) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (actor) headers.authorization = `Bearer ${typeof actor === 'string' ? actor : signAccessToken(actor, secret)}`;
      const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      // A JSON answer parsed; any other (a downloaded file) as its text.
      const json = /json/.test(res.headers.get('content-type') ?? '');
      return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : undefined, headers: res.headers };
    },
    close: () => app.close(),
  };
}
