import { LAW, openCaseBody } from '../in-memory-enforcement';
import { filtered, reason, UNIT, type Recipe, type Target } from './recipe-parts';
import type { MatrixContext } from './route-recipes';

/** The matrix's enforcement cases (seeded by matrix-world.ts): one against unit-a, one against unit-b. */
export const MATRIX_CASE_IDS: Record<Target, string> = {
  own: 'e0000000-0000-4000-8000-00000000000a',
  other: 'f0000000-0000-4000-8000-00000000000b',
};

/** An action or read on one case (each is against one unit). */
const onCase =
  (suffix: string, body?: (ctx: MatrixContext) => unknown): Recipe =>
  (ctx, target) => ({ path: `/enforcement-cases/${MATRIX_CASE_IDS[target]}${suffix}`, body: body?.(ctx), checks: [{ unit: UNIT[target] }] });

const decided = { ...reason, legalBasis: LAW };

/**
 * One valid call per enforcement route (执法案件), keyed as Nest registers it: the bodies pass the
 * DTOs, so only the permission checks can refuse; what the domain refuses after them (no
 * suspension to sign, a unit closed down) is a 400/409, no refusal. The resumption inspection
 * fails, so no case ever awaits signatures: a unit signing its own then meets the state's 409.
 */
export const ENFORCEMENT_RECIPES: Record<string, Recipe> = {
  'POST /enforcement-cases': (_ctx, target) => ({
    path: '/enforcement-cases',
    body: { ...openCaseBody, unitId: UNIT[target] },
    checks: [{ unit: UNIT[target] }],
  }),
  // A list read: another unit's rows (or, for a scoped caller, the objects' unit's) are asked for by `?unitId=`.
  'GET /enforcement-cases': filtered(() => '/enforcement-cases'),
  // The Excel ledger (执法台账) is the list's read.
  'GET /enforcement-cases/ledger.xlsx': filtered(() => '/enforcement-cases/ledger.xlsx'),
  'GET /enforcement-cases/:caseId': onCase(''),
  'GET /enforcement-cases/:caseId/events': onCase('/events'),
  'POST /enforcement-cases/:caseId/respondents': onCase('/respondents', (ctx) => ({
    respondent: { respondentId: `r-matrix-${ctx.fresh()}`, role: 'principal', name: '王某 (主要负责人)' },
    ...decided,
  })),
  'POST /enforcement-cases/:caseId/violations': onCase('/violations', () => ({
    violation: { description: '未按规定配备安全管理人员', serious: false, foundAt: '2026-03-01T02:00:00.000Z', legalBasis: LAW },
    ...reason,
  })),
  'POST /enforcement-cases/:caseId/criminal-flag': onCase('/criminal-flag', () => decided),
  'POST /enforcement-cases/:caseId/suspension': onCase('/suspension', () => ({ respondentId: 'r-company', ...decided })),
  'POST /enforcement-cases/:caseId/fine': onCase('/fine', () => ({
    respondentId: 'r-legal',
    amountYuan: 100_000,
    upperLimitYuan: 100_000,
    ...decided,
  })),
  'POST /enforcement-cases/:caseId/judicial-referral': onCase('/judicial-referral', () => ({
    respondentIds: ['r-legal'],
    receivingAuthority: '县公安局',
    ...decided,
  })),
  'POST /enforcement-cases/:caseId/referral-outcome': onCase('/referral-outcome', () => ({
    outcome: 'accepted',
    decisionRef: '立案决定书',
    ...reason,
  })),
  'POST /enforcement-cases/:caseId/closure': onCase('/closure', () => decided),
  'POST /enforcement-cases/:caseId/rectification': onCase('/rectification', () => ({ summary: '整改完成' })),
  'POST /enforcement-cases/:caseId/resumption-inspections': onCase('/resumption-inspections', () => ({
    passed: false,
    findings: '仍不具备安全生产条件',
    inspectors: ['王五'],
  })),
  'POST /enforcement-cases/:caseId/resumption-signatures': onCase('/resumption-signatures', () => ({
    levelId: 'town',
    signer: '街道 刘主任',
    opinion: '同意复产',
  })),
  'POST /enforcement-cases/:caseId/supervision-checks': onCase('/supervision-checks', () => ({
    checkedAt: '2026-03-02T07:00:00.000Z',
    producing: false,
    findings: '未生产',
  })),
  'POST /enforcement-cases/:caseId/closing': onCase('/closing', () => ({ conclusion: '结案', legalBasis: LAW })),
};
