import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { DomainRejection, REJECTION_CODES, type RejectionCode, type RejectionKind } from '@duban/domain';
import { describeWorkflowId, REJECTION_FAILURE_TYPE } from '@duban/workflows';
import { allowedMethods } from './allowed-methods';
import { LEDGER_RETRY_AFTER_SECONDS, ledgerUnavailableProblem } from './ledger-unavailable';
import { problem, PROBLEM_CONTENT_TYPE, ProblemException, statusOfKind, type Problem, type ProblemCode } from './problem';

/** A refusal whose worker sent no code (one deployed before codes were): the kind's generic code. */
const FALLBACK_CODE: Record<RejectionKind, ProblemCode> = {
  invalid: 'request.invalid',
  forbidden: 'request.forbidden',
  conflict: 'state.conflict',
  unprocessable: 'request.rejected',
};

const KIND_OF_FAILURE_TYPE = new Map<string, RejectionKind>(
  (Object.entries(REJECTION_FAILURE_TYPE) as Array<[RejectionKind, string]>).map(([kind, type]) => [type, kind]),
);

/** The words of a 5xx: never the internal message, which is logged instead. */
const INTERNAL_DETAIL = 'an unexpected error occurred; it has been logged — try again, or read the object back before retrying';

/** A refusal the workflow's validator sent back: type DubanInvalidInput / DubanForbidden / DubanConflict, details[0] = { code, field, ... }. */
function fromApplicationFailure(failure: ApplicationFailure): Problem | undefined {
  const kind = failure.type ? KIND_OF_FAILURE_TYPE.get(failure.type) : undefined;
  if (!kind) return undefined;
  const first = failure.details?.[0];
  const { code, ...members } = (typeof first === 'object' && first !== null ? first : {}) as Record<string, unknown>;
  const known = typeof code === 'string' && code in REJECTION_CODES ? (code as RejectionCode) : FALLBACK_CODE[kind];
  return problem(statusOfKind(kind), known, failure.message, members);
}

/** What Nest's own exceptions (guards, pipes, the body parser, the router) answer. */
function fromHttpException(exception: HttpException): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  if (status >= 500) return problem(status, 'server.internal', INTERNAL_DETAIL);
  const code: ProblemCode =
    status === 400
      ? 'request.invalid'
      : status === 401
        ? 'auth.unauthenticated'
        : status === 404
          ? 'resource.not_found'
          : status === 413
            ? 'request.too_large'
            : 'request.rejected';
  return problem(status, code, detail);
}

/** An error of the `http-errors` shape (the body parser's, e.g. 413): its status, and its message only when it is meant to be shown. */
function fromHttpError(error: unknown): Problem | undefined {
  const { status, expose, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    expose?: unknown;
    message?: unknown;
  };
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) return undefined;
  return problem(status, status === 413 ? 'request.too_large' : 'request.rejected', typeof message === 'string' ? message : 'request refused');
}

/**
 * The problem (RFC 9457) for a domain, Temporal or HTTP error; undefined for anything else, which
 * the filter answers as a logged 500. invalid → 400, forbidden → 403, conflict → 409, unknown
 * workflow → 404; the domain's `code`, `field` and details (e.g. `missing`) carried over.
 */
export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof DomainRejection) {
    return problem(statusOfKind(error.kind), error.code, error.message, { ...error.details, field: error.field });
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (error instanceof WorkflowUpdateFailedError) {
    return error.cause instanceof ApplicationFailure ? fromApplicationFailure(error.cause) : undefined;
  }
  if (error instanceof ApplicationFailure) return fromApplicationFailure(error);
  if (error instanceof WorkflowNotFoundError) {
    return problem(HttpStatus.NOT_FOUND, 'resource.not_found', `${describeWorkflowId(error.workflowId)} not found`);
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return problem(HttpStatus.CONFLICT, 'resource.already_exists', `${describeWorkflowId(error.workflowId)} already exists`);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return problem(
      HttpStatus.GATEWAY_TIMEOUT,
      'workflow.timeout',
      'the workflow did not answer in time; the action may still complete — read it back (GET /hazards/:id, GET /campaigns/:id) before retrying',
    );
  }
  if (error instanceof ServiceError) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, 'workflow.unavailable', 'the workflow service (Temporal) is unavailable; try again shortly');
  }
  return ledgerUnavailableProblem(error) ?? fromHttpError(error);
}

/**
 * Every error the API answers, as `application/problem+json`: domain refusals with their stable
 * `code`, Temporal's errors, Nest's own. A path the app routes, asked with a method it does not
 * route, is a 405 with `Allow` (from the registered routes); an unknown path stays a 404. 5xx
 * answers never carry the internal message: it is logged.
 */
@Catch()
export class ApiErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    let body = problemOf(exception) ?? problem(HttpStatus.INTERNAL_SERVER_ERROR, 'server.internal', INTERNAL_DETAIL);
    if (body.status >= 500)
      this.logger.error(
        `${request?.method} ${request?.originalUrl}: ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    if (body.status === HttpStatus.NOT_FOUND && body.code === 'resource.not_found' && request) {
      const allowed = allowedMethods(request);
      if (allowed.length === 0) {
        body = problem(HttpStatus.NOT_FOUND, 'route.not_found', `no route ${request.method} ${request.path}`);
      } else if (!allowed.includes(request.method)) {
        body = problem(
          HttpStatus.METHOD_NOT_ALLOWED,
          'method.not_allowed',
          `${request.method} is not allowed on ${request.path}; allowed: ${allowed.join(', ')}`,
        );
        response.setHeader('Allow', allowed.join(', '));
      }
    }
    if (body.code === 'ledger.unavailable') response.setHeader('Retry-After', String(LEDGER_RETRY_AFTER_SECONDS));
    // RFC 9110: a 401 names the scheme it wants.
    if (body.status === HttpStatus.UNAUTHORIZED) response.setHeader('WWW-Authenticate', 'Bearer realm="duban"');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}

function describe(exception: unknown): string {
  if (exception instanceof WorkflowUpdateFailedError) return `${exception.message}: ${exception.cause?.message ?? ''}`;
  return exception instanceof Error ? exception.message : String(exception);
}
