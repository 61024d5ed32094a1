import type { Actor, HazardReport, RectificationPlan } from '@duban/domain';

/** The cast of the hazard tests: one of each role, and two units to keep apart. */
export const office: Actor = { id: 'office-li', name: '安委办 李主任', role: 'office' };
export const inspector: Actor = { id: 'inspector-zhang', name: '检查组 张工', role: 'inspector' };
export const unitA: Actor = { id: 'unit-a-wang', name: 'A建设公司 王经理', role: 'unit', unitId: 'unit-a' };
export const unitB: Actor = { id: 'unit-b-zhao', name: 'B化工公司 赵经理', role: 'unit', unitId: 'unit-b' };
export const auditor: Actor = { id: 'auditor-chen', name: '纪委监委 陈', role: 'auditor' };

export const DAY_MS = 24 * 3600_000;

export function hazardReport(now: number, overrides: Partial<HazardReport> = {}): HazardReport {
  return {
    title: '脚手架连墙件缺失 (missing scaffold ties)',
    description: '3号楼外架第5步连墙件缺失6处',
    location: '城南安置房项目3号楼',
    industry: '建筑施工',
    unitId: 'unit-a',
    grade: 'general',
    source: 'inspection',
    finder: '张工',
    deadline: new Date(now + 30 * DAY_MS).toISOString(),
    ...overrides,
  };
}

export function fiveInPlacePlan(deadline: number): RectificationPlan {
  return {
    responsiblePerson: '王经理',
    measures: '补设连墙件，设置防护栏杆',
    funds: { amountYuan: 12000, source: '企业安全生产费用' },
    deadline: new Date(deadline).toISOString(),
    contingencyPlan: '整改期间停止该区域高处作业，专人监护',
  };
}
