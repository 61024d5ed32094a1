import { HttpStatus } from '@nestjs/common';
import { problem, type Problem } from './problem';

/**
 * Seconds a client is told to wait (`Retry-After`) when the ledger's PostgreSQL is unreachable:
 * a restart of PostgreSQL takes a few seconds, a fail-over tens of seconds; a short wait, repeated,
 * catches both without hammering a recovering server.
 */
export const LEDGER_RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL SQLSTATEs that mean "the server is not there (now)", not "the query is wrong":
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up or shutting down).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;

/** Socket errors of a connection that cannot be opened or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** What the `pg` driver and its pool say, without a code, when the server went away or never answered. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (shutting down|starting up)/i;

/**
 * True when `error` (a TypeORM QueryFailedError, a `pg` error, a socket error, or one wrapping
 * them as `driverError`, `cause` or an AggregateError's `errors`) says PostgreSQL is unreachable.
 */
export function isLedgerUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  const inner = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return inner.some((e) => e !== error && isLedgerUnavailable(e, depth + 1));
}

/** The 503 problem `ledger.unavailable` for an unreachable ledger database; undefined for any other error. */
export function ledgerUnavailableProblem(error: unknown): Problem | undefined {
  if (!isLedgerUnavailable(error)) return undefined;
  return problem(
    HttpStatus.SERVICE_UNAVAILABLE,
    'ledger.unavailable',
    `the ledger database (PostgreSQL) is unavailable; try again in ${LEDGER_RETRY_AFTER_SECONDS} s — an action the API acknowledged is not lost`,
  );
}
