import type { LogLevel } from '@nestjs/common';
import type { LevelWithSilent } from 'pino';

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

/** Nest's levels → pino's, least severe first: pino shows a level and every more severe one. */
const PINO_LEVEL_OF: ReadonlyArray<[LogLevel, LevelWithSilent]> = [
  ['verbose', 'trace'],
  ['debug', 'debug'],
  ['log', 'info'],
  ['warn', 'warn'],
  ['error', 'error'],
  ['fatal', 'fatal'],
];

/** The pino level that shows the Nest levels `shown` (their least severe); `false` or none: silent. */
export function pinoLevelOf(shown: false | LogLevel[]): LevelWithSilent {
  if (shown === false) return 'silent';
  return PINO_LEVEL_OF.find(([nest]) => shown.includes(nest))?.[1] ?? 'silent';
}
