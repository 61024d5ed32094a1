import { MATRIX_ENFORCEMENT_REVIEW_RUN_ID } from '../in-memory-enforcement-record';
import { filtered, reason, type Recipe } from './recipe-parts';

/** One valid call per route of the rules over the enforcement record (规则触发、黑名单、规则运行). */
export const ENFORCEMENT_RECORD_RECIPES: Record<string, Recipe> = {
  'GET /enforcement-record/firings': filtered(() => '/enforcement-record/firings'),
  'GET /enforcement-record/blacklist': filtered(() => '/enforcement-record/blacklist'),
  // The review covers the whole record; what it answers is bounded to the caller's.
  'POST /enforcement-record/reviews': () => ({ path: '/enforcement-record/reviews', body: { asOf: '2026-03-01', ...reason }, checks: [] }),
  'GET /enforcement-record/reviews/:runId': () => ({ path: `/enforcement-record/reviews/${MATRIX_ENFORCEMENT_REVIEW_RUN_ID}`, checks: [] }),
};
