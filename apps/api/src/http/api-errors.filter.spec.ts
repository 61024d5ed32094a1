import { describe, expect, it } from 'vitest';
import type { ArgumentsHost } from '@nestjs/common';
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { conflict, DomainRejection, forbidden, invalid } from '@duban/domain';
import { REJECTION_FAILURE_TYPE } from '@duban/workflows';
import { errorResponseOf, ApiErrorsFilter } from './api-errors.filter';

/** What the workflow's validator throws for a DomainRejection, as the client receives it. */
function updateFailed(type: string, message: string, details?: unknown[]): WorkflowUpdateFailedError {
  return new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, details, nonRetryable: true }));
}

function runFilter(exception: unknown): { status?: number; body?: unknown } {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ApiErrorsFilter().catch(exception, host);
  return sent;
}

describe('ApiErrorsFilter', () => {
  it('maps an invalid-input update failure to 400 with field and details (五到位 missing list)', () => {
    const error = updateFailed(REJECTION_FAILURE_TYPE.invalid, 'rectification plan does not meet 五到位: missing 资金到位 (funds), 预案到位 (contingency plan)', [
      { field: 'plan', missing: ['funds', 'contingency'] },
    ]);
    expect(runFilter(error)).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'rectification plan does not meet 五到位: missing 资金到位 (funds), 预案到位 (contingency plan)',
        field: 'plan',
        details: { missing: ['funds', 'contingency'] },
      },
    });
  });

  it('maps forbidden to 403 and conflict to 409, without empty field/details', () => {
    const refused = runFilter(updateFailed(REJECTION_FAILURE_TYPE.forbidden, 'unit unit-2 may act only on its own hazards', [{ field: undefined }]));
    expect(refused).toEqual({ status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'unit unit-2 may act only on its own hazards' } });
    const clash = runFilter(updateFailed(REJECTION_FAILURE_TYPE.conflict, 'cannot verify while the hazard is 整改中 (rectifying)', [{}]));
    expect(clash).toEqual({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'cannot verify while the hazard is 整改中 (rectifying)' } });
  });

  it('maps DomainRejection thrown in the API the same way', () => {
    expect(runFilter(invalid('policyId', 'unknown policyId "x"'))).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'unknown policyId "x"', field: 'policyId' },
    });
    expect(runFilter(forbidden('auditor may not verify: …')).status).toBe(403);
    expect(runFilter(conflict('already under monitoring')).status).toBe(409);
    expect(errorResponseOf(new DomainRejection('invalid', 'bad', 'deadline', { max: 365 }))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'bad',
      field: 'deadline',
      details: { max: 365 },
    });
  });

  it('maps a missing workflow to 404 naming the hazard, and a duplicate start to 409', () => {
    const id = '0b6f3f5e-7d8a-4b8e-9a55-3f4c2a1d9e10';
    expect(runFilter(new WorkflowNotFoundError('workflow not found', `hazard-${id}`, undefined))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: `hazard ${id} not found` },
    });
    expect(runFilter(new WorkflowExecutionAlreadyStartedError('already started', `hazard-${id}`, 'hazardWorkflow')).status).toBe(409);
  });

  it('names a missing campaign, or a unit in a campaign, from the workflow id', () => {
    expect(errorResponseOf(new WorkflowNotFoundError('not found', 'campaign-c1', undefined))).toEqual({ statusCode: 404, error: 'Not Found', message: 'campaign c1 not found' });
    expect(errorResponseOf(new WorkflowNotFoundError('not found', 'campaign-c1-unit-unit-a', undefined))).toMatchObject({ message: 'unit unit-a in campaign c1 not found' });
  });

  it('treats an update failure that is not a Duban rejection as a 500 that says so', () => {
    const sent = runFilter(updateFailed('SomethingElse', 'boom'));
    expect(sent.status).toBe(500);
    expect(sent.body).toMatchObject({ statusCode: 500, message: expect.stringContaining('boom') });
  });

  it('leaves errors it does not know to Nest', () => {
    expect(errorResponseOf(new Error('plain'))).toBeUndefined();
  });
});
