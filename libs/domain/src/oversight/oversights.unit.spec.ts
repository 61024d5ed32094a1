import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { STANDARD_OVERSIGHT_POLICY } from './oversight-policy';
import type { OversightTrigger } from './oversight-trigger';
import { oversightsBefore, oversightWindow } from './oversights';
import type { HazardFoundAtUnit, SignedInspection } from './signed-inspection';

const zhang: Actor = { id: 'insp-zhang', name: '张检查员', role: 'inspector' };
const li: Actor = { id: 'insp-li', name: '李组长', role: 'inspector' };
const trigger: OversightTrigger = { kind: 'major_hazard', id: 'hz-9', unitId: 'mine-7', at: '2026-09-01T02:00:00.000Z' };

const campaignInspection = (at: string, by: Actor = zhang, unitId = 'mine-7'): SignedInspection => ({
  kind: 'campaign_inspection',
  campaignId: 'big-inspection-2026',
  unitId,
  at,
  signedBy: by,
  alsoNamed: [],
  ref: 'big-inspection-2026',
  note: '检查通风系统',
});
const hazard = (reportedAt: string, by: Actor = zhang, campaignId: string | null = 'big-inspection-2026'): HazardFoundAtUnit => ({
  hazardId: `hz-${reportedAt}`,
  reportedAt,
  reportedById: by.id,
  campaignId,
});

describe('疏漏追责: the earlier signed inspections that recorded nothing at the unit', () => {
  it('lists a campaign inspection whose inspector reported no hazard there that China day, not one that did', () => {
    const found = oversightsBefore(
      trigger,
      [campaignInspection('2026-05-10T03:00:00.000Z'), campaignInspection('2026-06-10T03:00:00.000Z')],
      // 2026-06-10 23:30 Beijing is 15:30Z: the same China day as the 06-10 inspection.
      [hazard('2026-06-10T15:30:00.000Z')],
      STANDARD_OVERSIGHT_POLICY,
    );
    expect(found.map((o) => [o.at, o.signedBy.name])).toEqual([['2026-05-10T03:00:00.000Z', '张检查员']]);
    expect(found[0]!.why).toContain('2026-05-10');
  });

  it('does not credit an inspection with a hazard another inspector, another campaign or another day reported', () => {
    const inspections = [campaignInspection('2026-06-10T03:00:00.000Z')];
    const others = [
      hazard('2026-06-10T04:00:00.000Z', li),
      hazard('2026-06-10T04:00:00.000Z', zhang, 'other-campaign'),
      hazard('2026-06-10T16:30:00.000Z'),
    ];
    expect(oversightsBefore(trigger, inspections, others, STANDARD_OVERSIGHT_POLICY)).toHaveLength(1);
  });

  it('lists covert inspections with no finding at the unit, passed resumption inspections and checks that found it idle, latest first', () => {
    const base = { unitId: 'mine-7', signedBy: li, alsoNamed: ['王队员'], note: '' };
    const inspections: SignedInspection[] = [
      { ...base, kind: 'covert_inspection', findingsAtUnit: 0, at: '2026-04-01T00:00:00.000Z', ref: 'cv-1' },
      { ...base, kind: 'covert_inspection', findingsAtUnit: 2, at: '2026-04-02T00:00:00.000Z', ref: 'cv-2' },
      { ...base, kind: 'resumption_inspection', passed: true, at: '2026-07-01T00:00:00.000Z', ref: 'case-1' },
      { ...base, kind: 'resumption_inspection', passed: false, at: '2026-06-20T00:00:00.000Z', ref: 'case-1' },
      { ...base, kind: 'supervision_check', producing: false, at: '2026-06-01T00:00:00.000Z', ref: 'case-1' },
      { ...base, kind: 'supervision_check', producing: true, at: '2026-06-08T00:00:00.000Z', ref: 'case-1' },
    ];
    expect(oversightsBefore(trigger, inspections, [], STANDARD_OVERSIGHT_POLICY).map((o) => [o.kind, o.ref, o.at])).toEqual([
      ['resumption_inspection', 'case-1', '2026-07-01T00:00:00.000Z'],
      ['supervision_check', 'case-1', '2026-06-01T00:00:00.000Z'],
      ['covert_inspection', 'cv-1', '2026-04-01T00:00:00.000Z'],
    ]);
  });

  it('looks back 365 days and not past the trigger: the window is [trigger − 365 d, trigger)', () => {
    const { from, until } = oversightWindow(trigger, STANDARD_OVERSIGHT_POLICY);
    expect([from.toISOString(), until.toISOString()]).toEqual(['2025-09-01T02:00:00.000Z', trigger.at]);
    const edges = [from.toISOString(), new Date(from.getTime() - 1).toISOString(), trigger.at].map((at) => campaignInspection(at));
    expect(oversightsBefore(trigger, edges, [], STANDARD_OVERSIGHT_POLICY).map((o) => o.at)).toEqual([from.toISOString()]);
  });

  it('reads only the trigger’s own unit', () => {
    expect(oversightsBefore(trigger, [campaignInspection('2026-06-10T03:00:00.000Z', zhang, 'mine-8')], [], STANDARD_OVERSIGHT_POLICY)).toEqual([]);
  });
});
