import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { Logger, LoggerModule, PinoLogger, type Params } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { apiLogOptions } from './api-log-options';
import { withRequestLogContext } from './request-log-context';

export interface ApiLogOptions {
  level: LevelWithSilent;
  /** Where the lines go; default stdout. */
  stream?: DestinationStream;
}

/** Every route, in the path syntax of Nest 11's router. */
const EVERY_ROUTE = [{ path: '{*splat}', method: RequestMethod.ALL }];

function loggerParams(options: ApiLogOptions): Params {
  const pinoHttp: Params['pinoHttp'] = options.stream ? [apiLogOptions(options.level), options.stream] : apiLogOptions(options.level);
  return { pinoHttp, forRoutes: EVERY_ROUTE };
}

/**
 * Nest's logger for `NestFactory.create({ logger })`: the same pino from the first line on, so
 * that start-up lines, and those of a start-up that fails, are JSON too.
 */
export function apiNestLogger(options: ApiLogOptions): Logger {
  const params = loggerParams(options);
  return new Logger(new PinoLogger(params), params);
}

/**
 * Structured JSON logs (pino via nestjs-pino): one line per answer, and Nest's own logger
 * (`new Logger(...)` anywhere) writing through the same pino with the request's id and user.
 */
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(options: ApiLogOptions): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot(loggerParams(options))] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(withRequestLogContext).forRoutes(...EVERY_ROUTE);
  }
}
