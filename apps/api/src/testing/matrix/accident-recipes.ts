import { accidentReport } from '../in-memory-accidents';
import { filtered } from './recipe-parts';
import type { MatrixContext, Recipe, Target } from './route-recipes';

/** The matrix's accidents (seeded by matrix-world.ts): one of unit-a's, one of unit-b's. */
export const MATRIX_ACCIDENT_IDS: Record<Target, string> = {
  own: 'a0000000-0000-4000-8000-00000000000a',
  other: 'b0000000-0000-4000-8000-00000000000b',
};

const UNIT: Record<Target, string> = { own: 'unit-a', other: 'unit-b' };

/** An action or read on one accident (each is one unit's). */
const accident =
  (suffix: string, body?: (ctx: MatrixContext, target: Target) => unknown): Recipe =>
  (ctx, target) => ({ path: `/accidents/${MATRIX_ACCIDENT_IDS[target]}${suffix}`, body: body?.(ctx, target), checks: [{ unit: UNIT[target] }] });

const casualties = { deaths: 3, missing: 0, seriousInjuries: 1, directLossYuan: 4_000_000 };
const why = { reason: '权限矩阵测试' };

/**
 * One valid call per accident route (事故报告和调查处理), keyed as Nest registers it: the bodies
 * pass the DTOs, so only the permission checks can refuse; what the domain refuses after them
 * (a gate not yet satisfied, an investigation not yet opened) is a 400/409, no refusal.
 */
export const ACCIDENT_RECIPES: Record<string, Recipe> = {
  'POST /accidents': (_ctx, target) => ({ path: '/accidents', body: { ...accidentReport, unitId: UNIT[target] }, checks: [{ unit: UNIT[target] }] }),
  // A list read: another unit's rows (or, for a scoped caller, the objects' unit's) are asked for by `?unitId=`.
  'GET /accidents': filtered(() => '/accidents'),
  // The Excel ledger (事故台账) is the list's read.
  'GET /accidents/ledger.xlsx': filtered(() => '/accidents/ledger.xlsx'),
  'GET /accidents/:id': accident(''),
  'GET /accidents/:id/events': accident('/events'),
  'GET /accidents/:id/oversights': accident('/oversights'),
  'POST /accidents/:id/follow-ups': accident('/follow-ups', () => ({
    casualties,
    account: '续报: 伤亡人数无变化',
    reporter: '张三',
    reportedAt: '2026-03-02T07:00:00.000Z',
  })),
  'POST /accidents/:id/chain-reports': accident('/chain-reports', () => ({
    stepId: 'county-1h',
    receivedAt: '2026-03-02T06:40:00.000Z',
    channel: 'written',
  })),
  'POST /accidents/:id/tip-offs': accident('/tip-offs', (ctx, target) => ({
    tip: {
      tipOffId: `matrix-tip-${ctx.fresh()}`,
      channel: 'hotline',
      informant: '匿名',
      receivedAt: '2026-03-02T07:00:00.000Z',
      account: '举报某厂事故',
      regionId: '330106',
      unitId: UNIT[target],
    },
    verification: {
      verified: false,
      findings: '经核查不属实',
      responsiblePeople: [],
      verifiedBy: '区应急管理局',
      verifiedAt: '2026-03-02T07:30:00.000Z',
    },
  })),
  'POST /accidents/:id/investigation': accident('/investigation', () => ({ leader: '张组长', members: ['刘'] })),
  'POST /accidents/:id/takeover': accident('/takeover', () => ({ level: 'province', ...why })),
  'POST /accidents/:id/listing': accident('/listing', () => ({ committeeLevel: 'province', orderRef: '浙安委办〔2026〕1号', ...why })),
  'POST /accidents/:id/report-deadline-extensions': accident('/report-deadline-extensions', () => ({ days: 10, approval: '市政府批准', ...why })),
  'POST /accidents/:id/investigation-report': accident('/investigation-report', () => ({ summary: '调查报告', causes: '未检测、未通风' })),
  'POST /accidents/:id/responsibilities': accident('/responsibilities', () => ({
    person: '王某',
    position: '主要负责人',
    measure: 'administrative_penalty',
    decidedBy: '区应急管理局',
    detail: '罚款',
  })),
  'POST /accidents/:id/rectification-hazards': accident('/rectification-hazards', (ctx, target) => ({ hazardId: ctx.hazardIds[target] })),
  'POST /accidents/:id/education-sessions': accident('/education-sessions', () => ({
    heldAt: '2026-03-02T07:00:00.000Z',
    topic: '警示教育',
    attendees: ['班组长 甲'],
  })),
  'POST /accidents/:id/gates/:gate/closing': accident('/gates/cause/closing', () => ({ evidence: '调查报告已批复', person: '李主任' })),
  'POST /accidents/:id/gates/:gate/reopening': accident('/gates/cause/reopening', () => why),
  'POST /accidents/:id/closing': accident('/closing', () => ({ authority: '区政府批复' })),
};
