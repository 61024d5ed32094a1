import { STATUS_CODES } from 'node:http';
import { PROBLEM_CODES, problemLabel, problemStatus, problemType } from '../http/problem';
import type { ProblemTypeView } from './problem-type.view';

/** The catalogue of problem types, domain refusals first: what a zh-CN interface loads to translate codes. */
export function problemTypes(): ProblemTypeView[] {
  return PROBLEM_CODES.map((code) => {
    const status = problemStatus(code);
    return { code, type: problemType(code), status, title: STATUS_CODES[status] ?? 'Error', zh: problemLabel(code) };
  });
}
