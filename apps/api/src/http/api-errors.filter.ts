import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { DomainRejection, type RejectionKind } from '@duban/domain';
import { describeWorkflowId, REJECTION_FAILURE_TYPE } from '@duban/workflows';

/** The body of every error the API answers with. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string | string[];
  field?: string;
  details?: Record<string, unknown>;
}

const STATUS_OF: Record<RejectionKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
};

const REASON_PHRASE: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const KIND_OF_FAILURE_TYPE = new Map<string, RejectionKind>(
  (Object.entries(REJECTION_FAILURE_TYPE) as Array<[RejectionKind, string]>).map(([kind, type]) => [type, kind]),
);

function response(statusCode: number, message: string, field?: string, details?: Record<string, unknown>): ErrorResponse {
  const body: ErrorResponse = { statusCode, error: REASON_PHRASE[statusCode] ?? 'Error', message };
  if (field !== undefined) body.field = field;
  if (details !== undefined && Object.keys(details).length > 0) body.details = details;
  return body;
}

/** A refusal the workflow's validator sent back: type DubanInvalidInput / DubanForbidden / DubanConflict, details[0] = { field, ... }. */
function fromApplicationFailure(failure: ApplicationFailure): ErrorResponse | undefined {
  const kind = failure.type ? KIND_OF_FAILURE_TYPE.get(failure.type) : undefined;
  if (!kind) return undefined;
  const first = failure.details?.[0];
  const { field, ...details } = (typeof first === 'object' && first !== null ? first : {}) as Record<string, unknown>;
  return response(STATUS_OF[kind], failure.message, typeof field === 'string' ? field : undefined, details);
}


/**
 * The HTTP answer for a domain or Temporal error; undefined for anything else (left to Nest).
 * invalid → 400, forbidden → 403, conflict → 409, unknown workflow → 404.
 */
export function errorResponseOf(error: unknown): ErrorResponse | undefined {
  if (error instanceof DomainRejection) {
    return response(STATUS_OF[error.kind], error.message, error.field, error.details);
  }
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) {
      const mapped = fromApplicationFailure(cause);
      if (mapped) return mapped;
    }
    return response(HttpStatus.INTERNAL_SERVER_ERROR, `the workflow failed the action: ${cause?.message ?? error.message}`);
  }
  if (error instanceof ApplicationFailure) {
    return fromApplicationFailure(error);
  }
  if (error instanceof WorkflowNotFoundError) {
    return response(HttpStatus.NOT_FOUND, `${describeWorkflowId(error.workflowId)} not found`);
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return response(HttpStatus.CONFLICT, `${describeWorkflowId(error.workflowId)} already exists`);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return response(HttpStatus.GATEWAY_TIMEOUT, 'the workflow did not answer in time; the action may still complete — read it back (GET /hazards/:id, GET /campaigns/:id) before retrying');
  }
  if (error instanceof ServiceError) {
    return response(HttpStatus.SERVICE_UNAVAILABLE, `Temporal is unavailable: ${error.message}`);
  }
  return undefined;
}

/**
 * One filter for DomainRejection and the Temporal client's errors (see `errorResponseOf`), for
 * every feature (hazards, campaigns): the workflow id says what was not found.
 */
@Catch(
  DomainRejection,
  WorkflowUpdateFailedError,
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  ServiceError,
)
export class ApiErrorsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const body =
      errorResponseOf(exception) ??
      response(HttpStatus.INTERNAL_SERVER_ERROR, exception instanceof Error ? exception.message : 'unexpected error');
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }
}
