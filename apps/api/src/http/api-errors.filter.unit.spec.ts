import { describe, expect, it, vi } from 'vitest';
import { BadRequestException, Logger, NotFoundException, UnauthorizedException, type ArgumentsHost } from '@nestjs/common';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { conflict, DomainRejection, forbidden, invalid, unprocessable } from '@duban/domain';
import { REJECTION_FAILURE_TYPE } from '@duban/workflows';
import { ApiErrorsFilter, problemOf } from './api-errors.filter';
import { problemStatus } from './problem';

/** What the workflow's validator throws for a DomainRejection, as the client receives it. */
function updateFailed(type: string, message: string, details?: unknown[]): WorkflowUpdateFailedError {
  return new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, details, nonRetryable: true }));
}

interface Sent {
  status?: number;
  type?: string;
  headers: Record<string, string>;
  body?: any;
}

/** The filter's answer, through a fake Express request (with `routes` as the app's router) and response. */
function runFilter(exception: unknown, request: { method?: string; path?: string; routes?: Array<{ path: RegExp; methods: string[] }> } = {}): Sent {
  const sent: Sent = { headers: {} };
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    type(type: string) {
      sent.type = type;
      return res;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    send(text: string) {
      sent.body = JSON.parse(text);
      return res;
    },
  };
  const stack = (request.routes ?? []).map(({ path, methods }) => ({
    match: (p: string) => path.test(p),
    route: { methods: Object.fromEntries(methods.map((m) => [m, true])) },
  }));
  const req = { method: request.method ?? 'GET', path: request.path ?? '/x', originalUrl: request.path ?? '/x', app: { router: { stack } } };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new ApiErrorsFilter().catch(exception, host);
  return sent;
}

describe('ApiErrorsFilter: RFC 9457 problems', () => {
  it('answers a workflow refusal as problem+json with its code, field and missing items (五到位)', () => {
    const error = updateFailed(
      REJECTION_FAILURE_TYPE.invalid,
      'rectification plan does not meet 五到位: missing 资金到位 (funds), 预案到位 (contingency plan)',
      [{ code: 'hazard.plan.five_in_place_missing', field: 'plan', missing: ['funds', 'contingency'] }],
    );
    const sent = runFilter(error);
    expect(sent.status).toBe(400);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.body).toEqual({
      type: '/problems/hazard.plan.five_in_place_missing',
      title: 'Bad Request',
      status: 400,
      detail: 'rectification plan does not meet 五到位: missing 资金到位 (funds), 预案到位 (contingency plan)',
      code: 'hazard.plan.five_in_place_missing',
      field: 'plan',
      missing: ['funds', 'contingency'],
    });
  });

  it("maps forbidden to 403 and conflict to 409, without an empty field; a refusal without a code gets its kind's", () => {
    const refused = runFilter(
      updateFailed(REJECTION_FAILURE_TYPE.forbidden, 'unit unit-2 may act only on its own hazards', [
        { code: 'permission.own_unit_only', field: undefined },
      ]),
    );
    expect(refused).toMatchObject({
      status: 403,
      body: { status: 403, title: 'Forbidden', code: 'permission.own_unit_only', detail: 'unit unit-2 may act only on its own hazards' },
    });
    expect(refused.body).not.toHaveProperty('field');
    const old = runFilter(updateFailed(REJECTION_FAILURE_TYPE.conflict, 'cannot verify while the hazard is 整改中 (rectifying)', [{}]));
    expect(old.body).toEqual({
      type: '/problems/state.conflict',
      title: 'Conflict',
      status: 409,
      detail: 'cannot verify while the hazard is 整改中 (rectifying)',
      code: 'state.conflict',
    });
  });

  it('maps a DomainRejection thrown in the API the same way, its details as members', () => {
    expect(problemOf(invalid('hazard.policy.unknown', 'policyId', 'unknown policyId "x"'))).toEqual({
      type: '/problems/hazard.policy.unknown',
      title: 'Bad Request',
      status: 400,
      detail: 'unknown policyId "x"',
      code: 'hazard.policy.unknown',
      field: 'policyId',
    });
    expect(problemOf(forbidden('permission.role_not_allowed', 'auditor may not verify: …'))?.status).toBe(403);
    expect(problemOf(conflict('hazard.monitoring.already_started', 'already under monitoring'))).toMatchObject({
      status: 409,
      code: 'hazard.monitoring.already_started',
    });
    // Well-formed, but the registry cannot serve it: 422, as the problem catalogue (GET /problems) says too.
    expect(problemOf(unprocessable('covert.feedback.county_government_missing', 'countyGovernmentUnitId', 'no county government'))).toMatchObject({
      status: 422,
      field: 'countyGovernmentUnitId',
    });
    expect(problemStatus('covert.feedback.county_government_missing')).toBe(422);
    expect(problemOf(new DomainRejection('hazard.deadline.beyond_policy', 'bad', 'deadline', { max: 365 }))).toMatchObject({
      field: 'deadline',
      max: 365,
    });
  });

  it('names a missing hazard, campaign or unit from the workflow id (404), and a duplicate start is a 409', () => {
    const id = '0b6f3f5e-7d8a-4b8e-9a55-3f4c2a1d9e10';
    expect(
      runFilter(new WorkflowNotFoundError('workflow not found', `hazard-${id}`, undefined), {
        path: `/hazards/${id}`,
        routes: [{ path: /^\/hazards\/[^/]+$/, methods: ['get'] }],
      }).body,
    ).toMatchObject({
      status: 404,
      code: 'resource.not_found',
      detail: `hazard ${id} not found`,
    });
    expect(problemOf(new WorkflowNotFoundError('not found', 'campaign-c1-unit-unit-a', undefined))).toMatchObject({
      detail: 'unit unit-a in campaign c1 not found',
    });
    expect(problemOf(new WorkflowExecutionAlreadyStartedError('already started', `hazard-${id}`, 'hazardWorkflow'))).toMatchObject({
      status: 409,
      code: 'resource.already_exists',
    });
  });

  it("answers Nest's own exceptions as problems: 400 request.invalid, 401 auth.unauthenticated", () => {
    expect(problemOf(new BadRequestException('Unexpected token } in JSON at position 7'))).toMatchObject({
      status: 400,
      code: 'request.invalid',
      detail: 'Unexpected token } in JSON at position 7',
    });
    expect(problemOf(new UnauthorizedException('missing bearer token'))).toMatchObject({
      status: 401,
      title: 'Unauthorized',
      code: 'auth.unauthenticated',
    });
    expect(problemOf(Object.assign(new Error('request entity too large'), { status: 413, expose: true }))).toMatchObject({
      status: 413,
      code: 'request.too_large',
    });
  });

  it('answers 405 with Allow for a routed path asked with another method, and keeps 404 for an unknown path', () => {
    const routes = [
      { path: /^\/hazards$/, methods: ['get'] },
      { path: /^\/hazards$/, methods: ['post'] },
    ];
    const wrong = runFilter(new NotFoundException('Cannot PUT /hazards'), { method: 'PUT', path: '/hazards', routes });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.Allow).toBe('GET, HEAD, POST');
    expect(wrong.body).toMatchObject({ status: 405, title: 'Method Not Allowed', code: 'method.not_allowed' });
    const unknown = runFilter(new NotFoundException('Cannot GET /nope'), { method: 'GET', path: '/nope', routes });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'route.not_found', detail: 'no route GET /nope' } });
    expect(unknown.headers).toEqual({});
  });

  it("never echoes an internal message in a 5xx: the workflow's own failure, Temporal down, a plain bug", () => {
    const log = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const failed = runFilter(updateFailed('SomethingElse', 'boom at /srv/worker/secret.ts:12'));
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ status: 500, code: 'server.internal' });
    expect(JSON.stringify(failed.body)).not.toMatch(/boom|secret/);
    const down = runFilter(new ServiceError('14 UNAVAILABLE: connect ECONNREFUSED 10.0.0.7:7233'));
    expect(down).toMatchObject({ status: 503, body: { code: 'workflow.unavailable' } });
    expect(JSON.stringify(down.body)).not.toMatch(/10\.0\.0\.7/);
    const bug = runFilter(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(bug.body).toMatchObject({ status: 500, code: 'server.internal' });
    expect(JSON.stringify(bug.body)).not.toMatch(/undefined/);
    expect(log).toHaveBeenCalledTimes(3);
    log.mockRestore();
  });
});
