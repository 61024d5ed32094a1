import { hostname } from 'node:os';
import { pino, stdSerializers, type LevelWithSilent, type LoggerOptions } from 'pino';

/**
 * The shape of every Duban log line, one JSON object per line: `level` (a name), `time` (ISO
 * 8601), `service`, `pid`, `hostname`, `msg`, then the line's own fields. The worker writes the
 * same shape (apps/worker/src/worker-log.ts); Authorization headers and secrets never appear.
 */
export function dubanLogOptions(service: string, level: LevelWithSilent): LoggerOptions {
  return {
    level,
    base: { service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: stdSerializers.err, error: stdSerializers.err },
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'authSecret',
        '*.authSecret',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  };
}
