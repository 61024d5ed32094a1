import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
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

/**
 * Structured JSON logs (pino via nestjs-pino): one line per answer, and Nest's own logger
 * (`new Logger(...)` anywhere) writing through the same pino with the request's id and user.
 * `createApiApp` hands Nest's logging over to it (`app.useLogger(app.get(Logger))`).
 */
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(options: ApiLogOptions): DynamicModule {
    const pinoHttp: Params['pinoHttp'] = options.stream ? [apiLogOptions(options.level), options.stream] : apiLogOptions(options.level);
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp, forRoutes: EVERY_ROUTE })],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(withRequestLogContext).forRoutes(...EVERY_ROUTE);
  }
}
