import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import { dubanLogOptions } from './log-lines';
import { requestIdFor } from './request-id';
import { actingUser } from './request-log-context';

/** Routes probed every few seconds by an orchestrator: no line per answer (a failing readiness check logs its own error). */
const UNLOGGED_PATHS = new Set(['/health', '/health/ready']);

/**
 * pino-http's options for the API: every line of a request carries `reqId` and, once the bearer
 * token is verified, `user` (id, role, unit); each answer is logged once, with method, path,
 * status and time, at `error` for 5xx, `warn` for 429, `info` otherwise. Headers are left out.
 */
export function apiLogOptions(level: LevelWithSilent): Options {
  const lines = dubanLogOptions('duban-api', level);
  return {
    ...lines,
    // Read at each line, so lines after authentication name the user and earlier ones do not.
    mixin: () => {
      const user = actingUser();
      return user ? { user } : {};
    },
    genReqId: requestIdFor,
    quietReqLogger: true,
    serializers: {
      ...lines.serializers,
      req: (req: { method: string; url: string; remoteAddress?: string }) => ({ method: req.method, url: req.url, remoteAddress: req.remoteAddress }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => UNLOGGED_PATHS.has((req.url ?? '').split('?')[0]!) },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode === 429 ? 'warn' : 'info',
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse, ms: number) => `${req.method} ${req.url} ${res.statusCode} in ${ms} ms`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse, error: Error) => `${req.method} ${req.url} ${res.statusCode}: ${error.message}`,
  };
}
