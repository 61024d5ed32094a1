import { hostname } from 'node:os';
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { pino, stdSerializers, type DestinationStream, type Logger as Pino } from 'pino';

/**
 * The worker's log: one JSON object per line, the same shape as the API's
 * (apps/api/src/logging/log-lines.ts): `level` (a name), `time` (ISO 8601), `service`, `pid`,
 * `hostname`, `msg`, then the line's own fields.
 */
export function workerLog(level: LogLevel, stream?: DestinationStream): Pino {
  const options = {
    level: level.toLowerCase(),
    base: { service: 'duban-worker', pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { err: stdSerializers.err, error: stdSerializers.err },
    redact: { paths: ['authorization', '*.authorization', 'secret', '*.secret'], censor: '[redacted]' },
  };
  return stream ? pino(options, stream) : pino(options);
}

const PINO_METHOD: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's logger (`Runtime.install({ logger })`) writing through pino: the SDK's own
 * lines, workflow and activity `log` calls and, when forwarded, its native core's lines, with
 * their metadata (namespace, task queue, workflow id, `sdkComponent` …) as fields.
 */
export class PinoTemporalLogger implements Logger {
  constructor(private readonly pino: Pino) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.pino[PINO_METHOD[level]]({ ...meta }, message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
