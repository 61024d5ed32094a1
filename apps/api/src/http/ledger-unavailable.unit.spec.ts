import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiErrorsFilter } from './api-errors.filter';
import { isLedgerUnavailable, LEDGER_RETRY_AFTER_SECONDS, ledgerUnavailableProblem } from './ledger-unavailable';

/** An error as the `pg` driver builds one: a message and, for server errors, a SQLSTATE `code`. */
const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
const queryFailed = (driverError: Error) => new QueryFailedError('select 1', [], driverError);

/** The filter's status, headers and body for `exception`, through a fake Express response. */
function answer(exception: unknown): { status?: number; headers: Record<string, string>; body?: any } {
  const sent: { status?: number; headers: Record<string, string>; body?: any } = { headers: {} };
  const res = {
    status: (code: number) => ((sent.status = code), res),
    type: () => res,
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
    send: (text: string) => void (sent.body = JSON.parse(text)),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ method: 'GET', originalUrl: '/hazards', path: '/hazards' }), getResponse: () => res }) };
  new ApiErrorsFilter().catch(exception, host as never);
  return sent;
}

describe('ledger.unavailable: PostgreSQL unreachable → 503 with Retry-After, never 500', () => {
  // The filter logs every 5xx; the test asserts the answer, not the log line.
  beforeEach(() => void vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['Node 20 happy eyeballs (AggregateError of refusals)', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '')],
    ['a query on a terminated connection (TypeORM QueryFailedError)', queryFailed(pgError('Connection terminated unexpectedly'))],
    ['admin shutdown (57P01, pg_ctl stop -m fast)', queryFailed(pgError('terminating connection due to administrator command', '57P01'))],
    ['crash shutdown (57P02)', pgError('terminating connection because of crash of another server process', '57P02')],
    ['starting up (57P03)', pgError('the database system is starting up', '57P03')],
    ['a connection exception (08006)', pgError('connection failure', '08006')],
    ['the pool timing out on connect', pgError('timeout exceeded when trying to connect')],
    ['a refusal wrapped as a cause', new Error('could not read', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })],
  ])('%s', (_what, error) => {
    expect(isLedgerUnavailable(error)).toBe(true);
    const sent = answer(error);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ status: 503, code: 'ledger.unavailable', type: '/problems/ledger.unavailable' });
    expect(sent.body.detail).not.toMatch(/ECONN|127\.0\.0\.1|terminat/);
    expect(sent.headers['Retry-After']).toBe(String(LEDGER_RETRY_AFTER_SECONDS));
  });

  it.each([
    ['a unique violation (23505): a bug or a race, not an outage', queryFailed(pgError('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error (42601)', queryFailed(pgError('syntax error at or near "selec"', '42601'))],
    ['an undefined table (42P01)', pgError('relation "x" does not exist', '42P01')],
    ['a plain error', new Error('boom')],
    ['not an error at all', 'ECONNREFUSED'],
  ])('%s stays what it was', (_what, error) => {
    expect(isLedgerUnavailable(error)).toBe(false);
    expect(ledgerUnavailableProblem(error)).toBeUndefined();
    const sent = answer(error);
    expect(sent.status).toBe(500);
    expect(sent.body.code).toBe('server.internal');
    expect(sent.headers['Retry-After']).toBeUndefined();
  });

  it('a cyclic cause chain ends', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isLedgerUnavailable(a)).toBe(false);
  });
});
