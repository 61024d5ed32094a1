import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openAccountabilityAction,
  SEED_ACCOUNTABILITY_RULES,
  STANDARD_ACCIDENT_POLICY,
  STANDARD_COVERT_INSPECTION_POLICY,
  STANDARD_ENFORCEMENT_POLICY,
  STANDARD_TIP_OFF_POLICY,
  type AccidentReport,
  type AccountabilityFiring,
  type Actor,
} from '@duban/domain';
import {
  accidentWorkflowId,
  accountabilityActionWorkflowId,
  awaitAccidentRegisteredUpdate,
  awaitCovertInspectionRegisteredUpdate,
  awaitEnforcementRegisteredUpdate,
  awaitTipOffRegisteredUpdate,
  COVERT_INSPECTION_COMMAND_UPDATES,
  covertInspectionWorkflowId,
  ENFORCEMENT_COMMAND_UPDATES,
  enforcementCaseWorkflowId,
  recordActionTakenUpdate,
  tipOffWorkflowId,
  verifyTipOffUpdate,
} from '@duban/workflows';
import { AccidentRecordWriter } from '@duban/persistence';
import { exportBundle, verifyBundle, type BundleManifest } from '@duban/audit';
import { accidentWorkflow } from '../../workflows/src/accident/accident.workflow';
import { accountabilityActionWorkflow } from '../../workflows/src/accident-record/accountability-action.workflow';
import { covertInspectionWorkflow } from '../../workflows/src/covert-inspection/covert-inspection.workflow';
import { enforcementCaseWorkflow } from '../../workflows/src/enforcement/enforcement-case.workflow';
import { tipOffWorkflow } from '../../workflows/src/tip-off/tip-off.workflow';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';
import { office } from '../support/hazard-fixtures';
import { auditLedgers, auditReplay as replay } from './audit-ledgers';
import { flipByte, forgeFile, scratchFolders, untilSettled } from './audit-fixtures';

// One unit's record beyond its campaigns, on the dev server: an enforcement case against it (执法案件),
// a tip-off naming it (举报), a covert inspection that sampled it (暗访), and an accident there with
// the accountability action it counted towards (问责) — each exported, replayed and checked offline.
const scratch = scratchFolders();
let dev: DevServerHarness;
let worker: Worker;
let running: Promise<void>;
const unitId = `unit-${randomUUID()}`;
const caseId = `case-${randomUUID()}`;
const tipOffId = `tip-${randomUUID()}`;
const inspectionId = `covert-${randomUUID()}`;
const accidentId = randomUUID();
const territoryId = `county-${randomUUID()}`;
const LAW = '《安全生产法》第一百一十三条';
const SUSPENSION_LAW = '《安全生产法》第一百零二条';
const leader: Actor = { id: 'i-lead', name: '暗访组 吴组长', role: 'inspector' };
let firingKey = '';
const iso = (ms: number) => new Date(ms).toISOString();

function accidentReport(now: number): AccidentReport {
  return {
    occurredAt: iso(now - 3_600_000),
    regionId: 'county-1',
    location: '某化工厂 二车间',
    unitId,
    industry: '危险化学品',
    sector: 'industry_trade',
    kind: 'poisoning_asphyxiation',
    casualties: { deaths: 1, missing: 0, seriousInjuries: 0, directLossYuan: 500_000 },
    livesEndangered: 0,
    account: '检修时硫化氢中毒',
    reporter: '厂长 周',
    reportedAt: iso(now - 1_800_000),
  };
}

beforeAll(async () => {
  dev = await connectDevServer();
  const taskQueue = `enforcement-unit-bundle-${randomUUID()}`;
  worker = await dev.newWorker(taskQueue);
  running = worker.run();
  const now = Date.now();

  const enforcement = await dev.client.workflow.start(enforcementCaseWorkflow, {
    taskQueue,
    workflowId: enforcementCaseWorkflowId(caseId),
    args: [
      {
        filing: {
          caseId,
          unitId,
          regionId: 'county-1',
          industryId: 'chemicals',
          origin: 'inspection',
          sourceRef: 'check-7',
          violation: { description: '未按规定设置有毒气体报警装置', serious: true, foundAt: iso(now - 7_200_000), legalBasis: LAW },
          respondents: [{ respondentId: 'r-company', role: 'enterprise', name: '某化工有限公司' }],
          legalBasis: LAW,
        },
        opener: office,
        policy: STANDARD_ENFORCEMENT_POLICY,
      },
    ],
  });
  await enforcement.executeUpdate(awaitEnforcementRegisteredUpdate);
  await enforcement.executeUpdate(ENFORCEMENT_COMMAND_UPDATES.impose_suspension, {
    args: [{ actor: office, respondentId: 'r-company', reason: '责令停产整顿', legalBasis: SUSPENSION_LAW }] as never,
  });

  const tipOff = await dev.client.workflow.start(tipOffWorkflow, {
    taskQueue,
    workflowId: tipOffWorkflowId(tipOffId),
    args: [
      {
        tip: {
          tipOffId,
          channel: 'hotline',
          informant: '匿名',
          receivedAt: iso(now - 600_000),
          account: '该厂夜间偷偷复产',
          regionId: 'county-1',
          unitId,
        },
        receiver: office,
        policy: STANDARD_TIP_OFF_POLICY,
        accidentPolicy: STANDARD_ACCIDENT_POLICY,
      },
    ],
  });
  await tipOff.executeUpdate(awaitTipOffRegisteredUpdate);

  const covert = await dev.client.workflow.start(covertInspectionWorkflow, {
    taskQueue,
    workflowId: covertInspectionWorkflowId(inspectionId),
    args: [
      {
        plan: {
          inspectionId,
          title: '危化品企业暗访',
          regionId: 'county-1',
          leader: { accountId: leader.id, name: leader.name },
          members: [],
          candidates: [{ unitId, regionId: 'town-1', industryId: 'chemicals' }],
          seed: 'seed-1',
          stratifyBy: 'region',
          perStratum: 1,
        },
        planner: office,
        policy: STANDARD_COVERT_INSPECTION_POLICY,
      },
    ],
  });
  await covert.executeUpdate(awaitCovertInspectionRegisteredUpdate);
  // A unit's bundle holds completed inspections only: a plan still running stays secret (不打招呼).
  await covert.executeUpdate(COVERT_INSPECTION_COMMAND_UPDATES.complete, { args: [{ actor: leader, summary: '暗访未发现问题' }] as never });

  const accident = await dev.client.workflow.start(accidentWorkflow, {
    taskQueue,
    workflowId: accidentWorkflowId(accidentId),
    args: [{ accidentId, report: accidentReport(now), recorder: office, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } }],
  });
  await accident.executeUpdate(awaitAccidentRegisteredUpdate);
  // The tip-off verified against the accident already on record: it now belongs to the accident's bundle too.
  await tipOff.executeUpdate(verifyTipOffUpdate, {
    args: [
      {
        actor: office,
        verification: {
          verified: true,
          findings: '经核实, 该厂检修时发生中毒事故, 少报伤亡',
          casualties: { deaths: 2, missing: 0, seriousInjuries: 0, directLossYuan: 900_000 },
          responsiblePeople: ['厂长 周'],
          verifiedBy: '县应急管理局 核查组',
          verifiedAt: iso(now),
        },
        accident: { kind: 'existing', accidentId },
      },
    ],
  });
  await tipOff.result();

  // The accident record's review found a firing counting this accident (the review writes its row,
  // then starts the office's action): the summons held and its minutes recorded.
  const rule = SEED_ACCOUNTABILITY_RULES[0]!;
  const firing: AccountabilityFiring = {
    ruleId: rule.id,
    rule,
    territoryId,
    period: '2026',
    instrument: rule.instrument,
    accidentIds: [accidentId],
    firedOn: '2026-12-01',
  };
  const action = openAccountabilityAction(firing, new Date(now - 60_000));
  firingKey = action.firingKey;
  await new AccidentRecordWriter(dev.dataSource).recordReview({ checks: [], firings: [{ firing, action }], checkedAt: new Date(now - 60_000) });
  const accountability = await dev.client.workflow.start(accountabilityActionWorkflow, {
    taskQueue,
    workflowId: accountabilityActionWorkflowId(firingKey),
    args: [{ action }],
  });
  await accountability.executeUpdate(recordActionTakenUpdate, {
    args: [{ actor: office, heldAt: iso(now - 30_000), minutes: '约谈县政府分管负责人, 限期整改' }],
  });
  await accountability.result();
  await untilSettled(dev.client, [enforcement.workflowId, tipOff.workflowId, covert.workflowId, accident.workflowId, accountability.workflowId]);
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await dev?.close();
  await scratch.removeAll();
});

const manifestOf = async (bundle: string) => JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8')) as BundleManifest;

describe('an enforcement case’s bundle (执法案件审计导出包), verified offline', () => {
  it('holds the case with the legal basis of every step; one byte changed in its history → verify names the file', async () => {
    const bundle = await scratch.make('duban-enforcement-bundle-');
    const ledgers = await auditLedgers(dev.dataSource);
    const exported = await exportBundle(
      { client: dev.client, ledgers },
      { kind: 'enforcement', id: caseId },
      { dir: bundle, exportedBy: '纪委监委 陈' },
    );
    expect(exported.workflows).toBe(1);
    expect((await manifestOf(bundle)).subject).toEqual({ kind: 'enforcement', id: caseId });
    const ledgerFile = `ledger/${enforcementCaseWorkflowId(caseId)}.events.json`;
    const events = JSON.parse(await readFile(path.join(bundle, ledgerFile), 'utf8')) as Array<{ type: string; legalBasis?: string }>;
    expect(events.map((e) => [e.type, e.legalBasis])).toEqual([
      ['opened', LAW],
      ['suspension_imposed', SUSPENSION_LAW],
    ]);
    const timeline = await readFile(path.join(bundle, 'timeline.html'), 'utf8');
    expect(timeline).toContain('执法案件时间线');

    const verified = await verifyBundle(bundle, { replay });
    expect(verified.problems).toEqual([]);
    expect(verified).toMatchObject({ ok: true, eventsChecked: 2 });

    const [history] = (await manifestOf(bundle)).files.filter((f) => f.path.startsWith(`histories/${enforcementCaseWorkflowId(caseId)}/`));
    const flipped = await scratch.copyOf(bundle);
    await flipByte(path.join(flipped, ...history!.path.split('/')));
    const broken = await verifyBundle(flipped, { replay });
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p) => p.file)).toContain(history!.path);

    // The law a step relied on, rewritten in the ledger with the manifest to match: the replay says otherwise.
    const forged = await scratch.copyOf(bundle);
    const rewritten = events.map((e) => (e.type === 'suspension_imposed' ? { ...e, legalBasis: '《安全生产法》第九十九条' } : e));
    await forgeFile(forged, ledgerFile, Buffer.from(`${JSON.stringify(rewritten, null, 2)}\n`));
    const caught = await verifyBundle(forged, { replay });
    expect(caught.problems).toEqual([{ file: ledgerFile, problem: expect.stringContaining('legalBasis') }]);
  });
});

describe('a unit’s bundle with its tip-offs, covert inspections, enforcement cases and accountability', () => {
  it('holds and verifies every workflow; an accountability row altered → verify names its state file', async () => {
    const bundle = await scratch.make('duban-unit-record-bundle-');
    const ledgers = await auditLedgers(dev.dataSource);
    const exported = await exportBundle({ client: dev.client, ledgers }, { kind: 'unit', id: unitId }, { dir: bundle, exportedBy: '纪委监委 陈' });
    const files = (await manifestOf(bundle)).files.map((f) => f.path);
    const stateFile = `ledger/${accountabilityActionWorkflowId(firingKey)}.state.json`;
    expect(files).toEqual(
      expect.arrayContaining([
        `ledger/${enforcementCaseWorkflowId(caseId)}.events.json`,
        `ledger/${tipOffWorkflowId(tipOffId)}.events.json`,
        `ledger/${covertInspectionWorkflowId(inspectionId)}.events.json`,
        `ledger/${accidentWorkflowId(accidentId)}.events.json`,
        stateFile,
      ]),
    );
    expect(exported.workflows).toBe(5);
    for (const workflowId of [tipOffWorkflowId(tipOffId), covertInspectionWorkflowId(inspectionId), accountabilityActionWorkflowId(firingKey)])
      expect(files.some((f) => f.startsWith(`histories/${workflowId}/`))).toBe(true);
    expect(JSON.parse(await readFile(path.join(bundle, stateFile), 'utf8'))).toMatchObject({
      status: 'done',
      accidentIds: [accidentId],
      minutes: '约谈县政府分管负责人, 限期整改',
    });
    const timeline = await readFile(path.join(bundle, 'timeline.html'), 'utf8');
    for (const heading of [
      '举报 — tip-off',
      '暗访 — covert inspection',
      '问责 — accountability action',
      '已约谈并记录纪要 (summons held, minutes recorded)',
    ])
      expect(timeline).toContain(heading);

    const verified = await verifyBundle(bundle, { replay });
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    expect(verified.histories).toBeGreaterThanOrEqual(5);

    const forged = await scratch.copyOf(bundle);
    const kept = JSON.parse(await readFile(path.join(bundle, stateFile), 'utf8')) as Record<string, unknown>;
    await forgeFile(forged, stateFile, Buffer.from(`${JSON.stringify({ ...kept, minutes: '未约谈' }, null, 2)}\n`));
    const caught = await verifyBundle(forged, { replay });
    expect(caught.problems).toEqual([{ file: stateFile, problem: expect.stringContaining('minutes') }]);
  });

  it('an accident’s bundle holds the tip-off verified against it and the accountability it brought', async () => {
    const bundle = await scratch.make('duban-accident-accountability-');
    const ledgers = await auditLedgers(dev.dataSource);
    const exported = await exportBundle(
      { client: dev.client, ledgers },
      { kind: 'accident', id: accidentId },
      { dir: bundle, exportedBy: '纪委监委 陈' },
    );
    expect(exported.workflows).toBe(3);
    expect((await manifestOf(bundle)).files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        `ledger/${accidentWorkflowId(accidentId)}.events.json`,
        `ledger/${tipOffWorkflowId(tipOffId)}.events.json`,
        `ledger/${accountabilityActionWorkflowId(firingKey)}.state.json`,
      ]),
    );
    expect((await verifyBundle(bundle, { replay })).problems).toEqual([]);
  });
});
