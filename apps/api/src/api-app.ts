import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { ApiModule } from './api.module';
import { resolveApiConfig, type ApiConfig } from './config/api-config';
import { pinoLevelOf } from './config/log-level';
import { configureApiApp } from './configure-api-app';
import { apiNestLogger } from './logging/logging.module';

export type { ApiConfig } from './config/api-config';

export interface CreateApiAppOptions {
  /** The Nest log levels shown (DUBAN_LOG_LEVEL's); default errors and warnings only. `false` silences every line. */
  logger?: false | LogLevel[];
  /** Where the JSON log lines go; default stdout. */
  logStream?: DestinationStream;
}

/**
 * Builds the Duban HTTP API (not listening): validation, error mapping, bearer auth, rate
 * limits, security headers, JSON logs, health checks and OpenAPI at `/docs` (JSON at
 * `/docs-json`). Connects to PostgreSQL and Temporal while building, so it rejects when either
 * is unreachable. Then `app.listen(port)`; `app.close()` releases both connections.
 */
export async function createApiApp(config: ApiConfig, options: CreateApiAppOptions = {}): Promise<INestApplication> {
  const resolved = resolveApiConfig(config);
  const log = { level: pinoLevelOf(options.logger ?? ['error', 'warn']), stream: options.logStream };
  const app = await NestFactory.create(ApiModule.forRoot(resolved, log), {
    logger: apiNestLogger(log),
    // Throw instead of exiting the process: callers (tests, scripts) decide.
    abortOnError: false,
  });
  return configureApiApp(app);
}
