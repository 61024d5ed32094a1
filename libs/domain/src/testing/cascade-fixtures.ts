import type { CampaignTemplate } from '../campaign/campaign-template';
import type { RollUpRosterUnit } from '../campaign/roll-up';
import { TWO_PHASE_TEMPLATE } from './campaign-fixtures';

/**
 * The two-phase template with a cascade (比照落实): each county government sets up its plan
 * and leadership group within two days and files a roll-up of its units' 17:00 report by 20:00,
 * on its own ladder (reminder at the first miss, 通报 at the second).
 */
export const CASCADE_TEMPLATE: CampaignTemplate = {
  ...TWO_PHASE_TEMPLATE,
  id: 'two-phase-cascade-spec',
  cascade: {
    setup: [
      { id: 'county-plan', name: '县级实施方案', dueAfter: { amount: 2, unit: 'days' } },
      { id: 'county-group', name: '县级领导小组', dueAfter: { amount: 2, unit: 'days' } },
    ],
    rollUps: [{ id: 'county-daily', name: '一日一汇总', cadence: 'daily', cutoff: '20:00', zeroReportAllowed: false, rollUpOf: 'daily' }],
    escalation: [
      { id: 'county-remind', instrument: 'reminder', afterMissed: 1 },
      { id: 'county-notice', instrument: 'notice', afterMissed: 2 },
    ],
  },
};

/** Three counties, each with its government and `perCounty` enterprises (ids county-<c>-gov, county-<c>-u<n>). */
export function countiesRoster(counties: readonly string[], perCounty: number): RollUpRosterUnit[] {
  return counties.flatMap((county) => [
    { unitId: `${county}-gov`, name: `${county}人民政府`, kind: 'government' as const, regionId: county, active: true },
    ...Array.from({ length: perCounty }, (_, n) => ({
      unitId: `${county}-u${n}`,
      name: `${county}企业${n}`,
      kind: 'enterprise' as const,
      regionId: county,
      active: true,
    })),
  ]);
}
