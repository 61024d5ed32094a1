import { describe, expect, it } from 'vitest';
import type { CampaignEscalationStep } from './campaign-template';
import { CONSTRUCTION_HAZARD_SWEEP_TEMPLATE } from './shipped-templates';
import { unitEscalationsDue } from './unit-escalation';

const ladder: CampaignEscalationStep[] = [
  { id: 'reminder', instrument: 'reminder', afterMissed: 1 },
  { id: 'notice', instrument: 'notice', afterMissed: 3 },
  { id: 'summons', instrument: 'summons', afterMissed: 5 },
];
const ids = (steps: CampaignEscalationStep[]) => steps.map((s) => s.id);

describe('unitEscalationsDue (单位督办升级)', () => {
  it('owes nothing before the first miss', () => {
    expect(unitEscalationsDue(ladder, 0, [])).toEqual([]);
  });

  it('owes each rung once its afterMissed is reached, inclusive', () => {
    expect(ids(unitEscalationsDue(ladder, 1, []))).toEqual(['reminder']);
    expect(ids(unitEscalationsDue(ladder, 2, ['reminder']))).toEqual([]);
    expect(ids(unitEscalationsDue(ladder, 3, ['reminder']))).toEqual(['notice']);
    expect(ids(unitEscalationsDue(ladder, 5, ['reminder', 'notice']))).toEqual(['summons']);
    expect(ids(unitEscalationsDue(ladder, 50, ['reminder', 'notice', 'summons']))).toEqual([]);
  });

  it('owes every rung passed at once, in ladder order, when several misses land together', () => {
    expect(ids(unitEscalationsDue(ladder, 4, []))).toEqual(['reminder', 'notice']);
    expect(ids(unitEscalationsDue(ladder, 6, ['notice']))).toEqual(['reminder', 'summons']);
  });

  it('ignores taken ids that are not on the ladder, and returns the rungs themselves', () => {
    const due = unitEscalationsDue(CONSTRUCTION_HAZARD_SWEEP_TEMPLATE.escalation, 5, ['someone-else']);
    expect(due.map((s) => s.instrument)).toEqual(['reminder', 'notice', 'summons']);
    expect(due[2]).toBe(CONSTRUCTION_HAZARD_SWEEP_TEMPLATE.escalation[2]);
  });
});
