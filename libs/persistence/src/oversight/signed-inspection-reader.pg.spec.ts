import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyEvents,
  covertInspectionDecider,
  enforcementDecider,
  foldCovertInspectionOpening,
  foldEnforcementOpening,
  openEnforcementCase,
  oversightsBefore,
  oversightWindow,
  planCovertInspection,
  STANDARD_COVERT_INSPECTION_POLICY,
  STANDARD_ENFORCEMENT_POLICY,
  STANDARD_OVERSIGHT_POLICY,
  type Actor,
  type CovertInspectionCommand,
  type EnforcementCommand,
} from '@duban/domain';
import { CampaignLedgerWriter } from '../campaign/campaign-ledger-writer';
import { CovertInspectionLedgerWriter } from '../covert-inspection/covert-inspection-ledger-writer';
import { EnforcementLedgerWriter } from '../enforcement/enforcement-ledger-writer';
import { HazardLedgerWriter } from '../hazard/hazard-ledger-writer';
import { enrol, unit, unitThen, type Unit } from '../testing/campaign-fixtures';
import { recordLaunch, CAMPAIGN_ID } from '../testing/campaign-unit-scenario';
import { reportHazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { SignedInspectionReader } from './signed-inspection-reader';

// The signed inspections of one unit, read from what the real ledger writers wrote of events the
// domain decided: a campaign inspection, covert inspections, a case's resumption inspection and check.

const zhang: Actor = { id: 'insp-zhang', name: '张检查员', role: 'inspector' };
const leader: Actor = { id: 'insp-wu', name: '暗访组 吴组长', role: 'inspector' };
const office: Actor = { id: 'o1', name: '县安委办 李主任', role: 'office', unitId: 'county-office' };
const LAW = '《安全生产法》第一百零二条';
const MINE = 'u-1';
const at = (iso: string) => new Date(iso);

/** A campaign inspection by 张 at `when` (the scenario's campaign U-1, unit u-1). */
function inspected(when: string): Unit {
  const opened = enrol(CAMPAIGN_ID, unit(MINE, 'r-east', 'chem'));
  return unitThen(opened, {
    type: 'inspection_recorded',
    data: { tierId: 'county', checkItemIds: ['c1'], note: '县级检查: 未见异常' },
    at: when,
    actor: zhang,
    reason: '县级检查: 未见异常',
  });
}

/** A covert inspection sampling only the mine, completed at `completedAt`, with a finding there or none. */
function covert(inspectionId: string, completedAt: string, withFinding: boolean) {
  const planned = foldCovertInspectionOpening(
    planCovertInspection(
      {
        inspectionId,
        title: '汛期暗访',
        regionId: 'city',
        leader: { accountId: leader.id, name: leader.name },
        members: [{ accountId: 'insp-ma', name: '暗访组 马' }],
        candidates: [{ unitId: MINE, regionId: 'r-east', industryId: 'chem' }],
        seed: `seed-${inspectionId}`,
        stratifyBy: 'region',
        perStratum: 1,
      },
      office,
      STANDARD_COVERT_INSPECTION_POLICY,
      at('2026-05-01T00:00:00Z'),
    ),
  );
  let { state } = planned;
  const events = [...planned.events];
  const step = (command: CovertInspectionCommand, when: string) => {
    const applied = applyEvents(covertInspectionDecider, state, covertInspectionDecider.decide(state, command, at(when)));
    state = applied.state;
    events.push(...applied.events);
  };
  if (withFinding) {
    step({ type: 'record_finding', actor: leader, unitId: MINE, grade: 'general', description: '灭火器过期' }, '2026-05-02T00:00:00Z');
    step(
      {
        type: 'issue_rectification_order',
        actor: leader,
        unitId: MINE,
        findingIds: [`${inspectionId}:f1`],
        instruction: '更换灭火器',
        timeLimit: { amount: 3, unit: 'days' },
        countyGovernmentUnitId: 'county-gov',
        industryDepartmentUnitId: 'county-chem',
      },
      '2026-05-02T00:00:00Z',
    );
  }
  step({ type: 'complete', actor: leader, summary: '暗访结束' }, completedAt);
  return { events, state };
}

/** A case against the mine: suspended, one resumption inspection passed, one supervision check finding it idle. */
function enforcementCase() {
  const opened = foldEnforcementOpening(
    openEnforcementCase(
      {
        caseId: 'case-mine',
        unitId: MINE,
        regionId: 'r-east',
        industryId: 'chem',
        origin: 'office',
        sourceRef: 'office-1',
        violation: { description: '超能力生产', serious: true, foundAt: '2026-03-01T00:00:00.000Z', legalBasis: LAW },
        respondents: [{ respondentId: MINE, role: 'enterprise', name: '某化工' }],
        legalBasis: LAW,
      },
      office,
      STANDARD_ENFORCEMENT_POLICY,
      at('2026-03-02T00:00:00Z'),
    ),
  );
  let { state } = opened;
  const events = [...opened.events];
  const step = (command: EnforcementCommand, when: string) => {
    const applied = applyEvents(enforcementDecider, state, enforcementDecider.decide(state, command, at(when)));
    state = applied.state;
    events.push(...applied.events);
  };
  step({ type: 'impose_suspension', actor: office, respondentId: MINE, reason: '责令停产整顿', legalBasis: LAW }, '2026-03-02T01:00:00Z');
  const check = {
    type: 'record_supervision_check',
    actor: zhang,
    checkedAt: '2026-03-05T00:00:00.000Z',
    producing: false,
    findings: '未生产',
  } as const;
  step(check, '2026-03-05T01:00:00Z');
  step({ type: 'file_rectification', actor: { id: 'm', name: '矿长', role: 'unit', unitId: MINE }, summary: '整改完成' }, '2026-03-20T00:00:00Z');
  step(
    { type: 'record_resumption_inspection', actor: zhang, passed: true, findings: '各项整改到位', inspectors: ['张检查员', '李工'] },
    '2026-03-25T00:00:00Z',
  );
  return { events, state };
}

describe('signed inspections of a unit (疏漏追责) on PostgreSQL', () => {
  const db = useLedgerDatabase('oversight');
  let reader: SignedInspectionReader;
  beforeAll(async () => {
    reader = new SignedInspectionReader(db.dataSource);
    const campaigns = new CampaignLedgerWriter(db.dataSource);
    await recordLaunch(campaigns);
    await campaigns.recordUnit(inspected('2026-06-10T03:00:00.000Z'));
    const covertWriter = new CovertInspectionLedgerWriter(db.dataSource);
    await covertWriter.record(covert('cv-quiet', '2026-04-01T00:00:00.000Z', false));
    await covertWriter.record(covert('cv-found', '2026-05-03T00:00:00.000Z', true));
    await new EnforcementLedgerWriter(db.dataSource).record(enforcementCase());
    const hazards = new HazardLedgerWriter(db.dataSource);
    await hazards.record(
      reportHazard('hz-major', { unitId: MINE, grade: 'major', deadline: '2026-10-01T00:00:00.000Z' }, at('2026-09-01T02:00:00Z')),
    );
    await hazards.record(reportHazard('hz-other', { unitId: 'u-2', deadline: '2026-10-01T00:00:00.000Z' }, at('2026-06-10T04:00:00Z'), zhang));
  });

  it('reads every kind with who signed it, and the domain keeps those that recorded nothing at the unit', async () => {
    const trigger = await reader.hazardTrigger('hz-major');
    expect(trigger).toEqual({ kind: 'major_hazard', id: 'hz-major', unitId: MINE, at: '2026-09-01T02:00:00.000Z', grade: 'major' });
    const { from, until } = oversightWindow(trigger!, STANDARD_OVERSIGHT_POLICY);
    const inspections = await reader.inspections(MINE, from, until);
    expect(inspections.map((i) => [i.kind, i.ref, i.signedBy.name])).toEqual([
      ['supervision_check', 'case-mine', '张检查员'],
      ['resumption_inspection', 'case-mine', '张检查员'],
      ['covert_inspection', 'cv-quiet', '暗访组 吴组长'],
      ['covert_inspection', 'cv-found', '暗访组 吴组长'],
      ['campaign_inspection', CAMPAIGN_ID, '张检查员'],
    ]);
    expect(inspections.find((i) => i.ref === 'cv-found')).toMatchObject({ findingsAtUnit: 1, alsoNamed: ['暗访组 马'] });
    expect(inspections.find((i) => i.kind === 'resumption_inspection')).toMatchObject({ passed: true, alsoNamed: ['张检查员', '李工'] });

    const hazards = await reader.hazardsFound(MINE, from, until);
    expect(hazards.map((h) => h.hazardId)).toEqual(['hz-major']);
    const oversights = oversightsBefore(trigger!, inspections, hazards, STANDARD_OVERSIGHT_POLICY);
    expect(oversights.map((o) => o.ref)).toEqual([CAMPAIGN_ID, 'cv-quiet', 'case-mine', 'case-mine']);
  });

  it('reads nothing of another unit, nor outside the window', async () => {
    expect(await reader.inspections('u-2', at('2025-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([]);
    expect(await reader.inspections(MINE, at('2026-06-11T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([]);
    expect(await reader.hazardTrigger('hz-none')).toBeUndefined();
    expect(await reader.accidentTrigger('acc-none')).toBeUndefined();
  });
});
