import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { ProblemView } from './problem.view';

/** A documented error answer: a problem (`application/problem+json`) with `status`. */
export const ApiProblem = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemView),
    ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } } }),
  );

/** Refusals any authenticated call may meet, and the server's own failures. */
export const ApiCommonErrors = () =>
  applyDecorators(
    ApiProblem(
      400,
      "输入有误 (invalid input): body, query or path; `field` names it, `errors` lists every one (`request.invalid`), or a domain rule's `code`.",
    ),
    ApiProblem(401, '未认证 (missing or invalid bearer token, `auth.unauthenticated`).'),
    ApiServerErrors(),
  );

/** What any call may meet when the server or Temporal fails: no internal message, ever. */
export const ApiServerErrors = () =>
  applyDecorators(
    ApiProblem(500, '服务器内部错误 (`server.internal`): logged; the body says nothing internal.'),
    ApiProblem(
      503,
      '流程服务不可用 (`workflow.unavailable`): Temporal is unreachable; or 台账数据库不可用 (`ledger.unavailable`, with `Retry-After` in seconds): ' +
        'PostgreSQL is unreachable — a read waits for it; an action the API acknowledged is not lost. Try again shortly (the same Idempotency-Key).',
    ),
    ApiProblem(504, '流程服务超时 (`workflow.timeout`): the action may still complete; read it back before retrying.'),
  );
