import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';
import { resolveApiConfig, type ApiConfig } from './config/api-config';
import { configureApiApp } from './configure-api-app';

export type { ApiConfig } from './config/api-config';

export interface CreateApiAppOptions {
  /** Nest log levels; default errors and warnings only. `false` silences Nest. */
  logger?: false | LogLevel[];
}

/**
 * Builds the Duban HTTP API (not listening): validation, error mapping, bearer auth and
 * OpenAPI at `/docs` (JSON at `/docs-json`). Connects to PostgreSQL and Temporal while
 * building, so it rejects when either is unreachable. Then `app.listen(port)`; `app.close()`
 * releases both connections.
 */
export async function createApiApp(config: ApiConfig, options: CreateApiAppOptions = {}): Promise<INestApplication> {
  const resolved = resolveApiConfig(config);
  const app = await NestFactory.create(ApiModule.forRoot(resolved), {
    logger: options.logger ?? ['error', 'warn'],
    // Throw instead of exiting the process: callers (tests, scripts) decide.
    abortOnError: false,
  });
  return configureApiApp(app);
}
