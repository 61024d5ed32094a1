import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_ACCIDENT_POLICY, STANDARD_HAZARD_POLICY, type AccidentReport } from '@duban/domain';
import {
  accidentWorkflowId,
  awaitAccidentRegisteredUpdate,
  awaitRegisteredUpdate,
  hazardWorkflowId,
  linkRectificationHazardUpdate,
  openInvestigationUpdate,
} from '@duban/workflows';
import { exportBundle, verifyBundle, type BundleManifest } from '@duban/audit';
import { accidentWorkflow } from '../../workflows/src/accident/accident.workflow';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';
import { hazardReport, inspector, office, unitA } from '../support/hazard-fixtures';
import { auditLedgers, auditReplay as replay } from './audit-ledgers';
import { scratchFolders, untilSettled } from './audit-fixtures';

// An accident (事故) and the hazard its investigation linked as a rectification measure (整改措施),
// on the dev server: exported as one bundle and verified offline — the accident's ledger folded
// through the domain gives the state its workflow recorded.
const scratch = scratchFolders();
let dev: DevServerHarness;
let worker: Worker;
let running: Promise<void>;
const accidentId = randomUUID();
const hazardId = randomUUID();

function accidentReport(now: number): AccidentReport {
  return {
    occurredAt: new Date(now - 3_600_000).toISOString(),
    regionId: 'county-1',
    location: 'A建设公司城南项目',
    unitId: unitA.unitId!,
    industry: '建筑施工',
    sector: 'industry_trade',
    kind: 'collapse',
    casualties: { deaths: 1, missing: 0, seriousInjuries: 0, directLossYuan: 800_000 },
    livesEndangered: 1,
    account: '外架局部坍塌',
    reporter: '王经理',
    reportedAt: new Date(now - 1_800_000).toISOString(),
  };
}

beforeAll(async () => {
  dev = await connectDevServer();
  const taskQueue = `accident-bundle-${randomUUID()}`;
  worker = await dev.newWorker(taskQueue);
  running = worker.run();
  const accident = await dev.client.workflow.start(accidentWorkflow, {
    taskQueue,
    workflowId: accidentWorkflowId(accidentId),
    args: [{ accidentId, report: accidentReport(Date.now()), recorder: unitA, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } }],
  });
  await accident.executeUpdate(awaitAccidentRegisteredUpdate);
  await accident.executeUpdate(openInvestigationUpdate, { args: [{ actor: office, leader: '张组长', members: ['应急局 刘'] }] });
  const hazard = await dev.client.workflow.start(hazardWorkflow, {
    taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [{ hazardId, report: hazardReport(Date.now()), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
  });
  const { state } = await hazard.executeUpdate(awaitRegisteredUpdate);
  await accident.executeUpdate(linkRectificationHazardUpdate, { args: [{ actor: inspector, hazardId, status: state.status }] });
  await untilSettled(dev.client, [accident.workflowId, hazard.workflowId]);
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await dev?.close();
  await scratch.removeAll();
});

describe('an accident’s bundle (事故审计导出包), verified offline', () => {
  it('holds the accident and its rectification hazard, and verifies', async () => {
    const bundle = await scratch.make('duban-accident-bundle-');
    const ledgers = await auditLedgers(dev.dataSource);
    const exported = await exportBundle(
      { client: dev.client, ledgers },
      { kind: 'accident', id: accidentId },
      { dir: bundle, exportedBy: '纪委监委 陈' },
    );
    expect(exported.workflows).toBe(2);
    const manifest = JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8')) as BundleManifest;
    expect(manifest.subject).toEqual({ kind: 'accident', id: accidentId });
    expect(manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([`ledger/${accidentWorkflowId(accidentId)}.events.json`, `ledger/${hazardWorkflowId(hazardId)}.events.json`]),
    );
    const verified = await verifyBundle(bundle, { replay });
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
  });
});
