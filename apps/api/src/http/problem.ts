import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { REJECTION_CODES, type RejectionCode, type RejectionKind } from '@duban/domain';

/** RFC 9457's media type: every error the API answers is sent as this. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The codes of refusals the HTTP layer makes itself (the domain's are in REJECTION_CODES),
 * with their status and the words a zh-CN interface shows.
 */
export const HTTP_PROBLEM_CODES = {
  'request.invalid': { status: 400, zh: '请求参数有误' },
  'auth.unauthenticated': { status: 401, zh: '未认证或令牌无效' },
  /** `request.forbidden` and `state.conflict`: a refusal from a worker that sent no code (deployed before codes were). */
  'request.forbidden': { status: 403, zh: '无权操作' },
  'resource.not_found': { status: 404, zh: '对象不存在' },
  'route.not_found': { status: 404, zh: '接口不存在' },
  'method.not_allowed': { status: 405, zh: '该接口不支持此请求方法' },
  'resource.already_exists': { status: 409, zh: '对象已存在' },
  'state.conflict': { status: 409, zh: '当前状态不允许此操作' },
  'request.too_large': { status: 413, zh: '请求体过大' },
  'idempotency.key_reused': { status: 422, zh: '幂等键已用于其他请求' },
  'evidence.media_type_unsupported': { status: 415, zh: '证据材料类型不支持 (仅限 JPEG、PNG 图片或 PDF 文档)' },
  'evidence.unknown': { status: 422, zh: '引用的证据材料不存在 (请先上传)' },
  /** Any other 4xx the framework answers (e.g. 415): the status says which. */
  'request.rejected': { status: 400, zh: '请求未被受理' },
  'server.internal': { status: 500, zh: '服务器内部错误' },
  'workflow.unavailable': { status: 503, zh: '流程服务暂不可用, 请稍后再试' },
  'ledger.unavailable': { status: 503, zh: '台账数据库暂不可用, 请稍后再试' },
  'workflow.timeout': { status: 504, zh: '流程服务未及时响应, 操作可能仍会完成, 请先查询再重试' },
} as const satisfies Record<string, { status: number; zh: string }>;

export type HttpProblemCode = keyof typeof HTTP_PROBLEM_CODES;
export type ProblemCode = RejectionCode | HttpProblemCode;

/** Every code a problem may carry, domain refusals first: the `code` enum of the OpenAPI document. */
export const PROBLEM_CODES: ProblemCode[] = [
  ...(Object.keys(REJECTION_CODES) as RejectionCode[]),
  ...(Object.keys(HTTP_PROBLEM_CODES) as HttpProblemCode[]),
];

const STATUS_OF_KIND: Record<RejectionKind, number> = { invalid: 400, forbidden: 403, conflict: 409, unprocessable: 422 };

/** The HTTP status of a domain refusal's kind: invalid → 400, forbidden → 403, conflict → 409, unprocessable → 422. */
export const statusOfKind = (kind: RejectionKind): number => STATUS_OF_KIND[kind];

/** The status problems with `code` answer with. */
export function problemStatus(code: ProblemCode): number {
  return code in REJECTION_CODES ? STATUS_OF_KIND[REJECTION_CODES[code as RejectionCode].kind] : HTTP_PROBLEM_CODES[code as HttpProblemCode].status;
}

/** The words a zh-CN interface shows for `code`. */
export function problemLabel(code: ProblemCode): string {
  return code in REJECTION_CODES ? REJECTION_CODES[code as RejectionCode].zh : HTTP_PROBLEM_CODES[code as HttpProblemCode].zh;
}

/**
 * The problem type of a code: a URI reference relative to the API (`/problems/<code>`), which
 * the API itself resolves (GET /problems/{code}). Stable: a client may switch on it or on `code`.
 */
export const problemType = (code: ProblemCode): string => `/problems/${code}`;

/** One input that failed validation. */
export interface FieldError {
  field: string;
  detail: string;
}

/** An RFC 9457 problem detail with Duban's members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  /** The offending input (the first, when several are). */
  field?: string;
  /** Every input that failed validation, in order. */
  errors?: FieldError[];
  /** 五到位: the plan items missing. */
  missing?: string[];
  [member: string]: unknown;
}

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'field']);

/** A problem for `status`; `members` adds extension members (never overriding the standard ones). */
export function problem(status: number, code: ProblemCode, detail: string, members: Record<string, unknown> = {}): Problem {
  const body: Problem = { type: problemType(code), title: STATUS_CODES[status] ?? 'Error', status, detail, code };
  for (const [key, value] of Object.entries(members)) {
    if (value !== undefined && !RESERVED.has(key)) body[key] = value;
  }
  if (typeof members.field === 'string') body.field = members.field;
  return body;
}

/** Thrown by the HTTP layer's own checks (validation, path ids): the filter sends its problem as it is. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }
}
