import type { LogLevel } from '@nestjs/common';

/** DUBAN_LOG_LEVEL → the Nest log levels shown: that level and the more severe ones. */
export const NEST_LOG_LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** The levels for `text` (default info), or undefined when it names none. */
export function nestLogLevels(text: string | undefined): LogLevel[] | undefined {
  return NEST_LOG_LEVELS[text?.trim().toLowerCase() || 'info'];
}
