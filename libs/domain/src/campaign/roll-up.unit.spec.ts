import { describe, expect, it } from 'vitest';
import { CAMPAIGN_START } from '../testing/campaign-fixtures';
import { CASCADE_TEMPLATE, countiesRoster } from '../testing/cascade-fixtures';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { rollUpsOfDay, type RollUpSubmission } from './roll-up';

const schedule = buildCampaignSchedule(CASCADE_TEMPLATE, CAMPAIGN_START, {});
const roster = countiesRoster(['east', 'west', 'north'], 3);
const DAY = '2026-03-02';
const filed = (unitId: string, obligationId: string, onTime = true): RollUpSubmission => ({
  unitId,
  obligationId,
  submittedAt: '2026-03-02T10:00:00.000Z',
  onTime,
  zero: false,
  content: `${unitId} 汇总`,
});
const units = (county: string, ns: number[]) => ns.map((n) => filed(`${county}-u${n}`, `report:daily:${DAY}`));
// east: everyone reported and the county summarised on time; west: one unit missing, the county late; north: nothing from the county.
const submissions = [
  ...units('east', [0, 1, 2]),
  filed('east-gov', `report:county-daily:${DAY}`),
  ...units('west', [0, 2]),
  filed('west-gov', `report:county-daily:${DAY}`, false),
  ...units('north', [0, 1, 2]),
];

describe('一日一汇总 by county', () => {
  it('shows each county its units reported and missing, and what it filed, once the cut-offs have passed', () => {
    const after = rollUpsOfDay(CASCADE_TEMPLATE, schedule, roster, submissions, DAY, new Date('2026-03-02T13:00:00Z'));
    expect(after.map((r) => [r.government.unitId, r.rollUp.status, r.units.owed, r.units.reported.length, r.units.missing])).toEqual([
      ['east-gov', 'on_time', 3, 3, []],
      ['west-gov', 'late', 3, 2, ['west-u1']],
      ['north-gov', 'missing', 3, 3, []],
    ]);
    expect(after[0].rollUp).toMatchObject({
      obligationId: `report:county-daily:${DAY}`,
      dueAt: '2026-03-02T12:00:00.000Z',
      content: 'east-gov 汇总',
    });
    expect(after[0].units.obligationId).toBe(`report:daily:${DAY}`);
  });

  it('is pending before the roll-up cut-off, and names no unit missing before theirs', () => {
    const morning = rollUpsOfDay(CASCADE_TEMPLATE, schedule, roster, [], DAY, new Date('2026-03-02T02:00:00Z'));
    expect(morning.map((r) => [r.rollUp.status, r.units.missing.length])).toEqual([
      ['pending', 0],
      ['pending', 0],
      ['pending', 0],
    ]);
    const evening = rollUpsOfDay(CASCADE_TEMPLATE, schedule, roster, [], DAY, new Date('2026-03-02T10:00:00Z'));
    expect(evening.map((r) => [r.rollUp.status, r.units.missing.length])).toEqual([
      ['pending', 3],
      ['pending', 3],
      ['pending', 3],
    ]);
  });

  it('counts a unit in a town of the county by its registry path, and leaves out units that left the roster', () => {
    const town = {
      unitId: 'east-town-u',
      name: '东城镇企业',
      kind: 'enterprise' as const,
      regionId: 'east-town',
      regionPath: ['city', 'east', 'east-town'],
      active: true,
    };
    const gone = { ...roster[1], active: false };
    const [east] = rollUpsOfDay(CASCADE_TEMPLATE, schedule, [roster[0], gone, roster[2], roster[3], town], [], DAY, new Date('2026-03-02T13:00:00Z'));
    expect(east.units.missing).toEqual(['east-u1', 'east-u2', 'east-town-u']);
  });

  it('is empty for a template without a cascade, and on a day no roll-up is due', () => {
    expect(rollUpsOfDay({ ...CASCADE_TEMPLATE, cascade: undefined }, schedule, roster, submissions, DAY, new Date('2026-03-02T13:00:00Z'))).toEqual(
      [],
    );
    expect(rollUpsOfDay(CASCADE_TEMPLATE, schedule, roster, [], '2026-02-27', new Date('2026-03-02T13:00:00Z'))).toEqual([]);
  });
});
