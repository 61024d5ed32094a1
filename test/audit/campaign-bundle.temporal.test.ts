import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCampaignSchedule, obligationsBetween, STANDARD_HAZARD_POLICY, type ScopeUnit } from '@duban/domain';
import {
  awaitCampaignRegisteredUpdate,
  awaitRegisteredUpdate,
  campaignWorkflowId,
  claimCompletionUpdate,
  hazardWorkflowId,
  submitPlanUpdate,
  submitReportUpdate,
  unitObligationsWorkflowId,
  unitViewQuery,
} from '@duban/workflows';
import { exportBundle, verifyBundle, type BundleManifest } from '@duban/audit';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { diligentUnit, lateJoiner, launchOf, negligentUnit, testTemplate } from '../support/campaign-fixtures';
import { connectDevServer, untilQueryable, type DevServerHarness } from '../support/dev-server';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office } from '../support/hazard-fixtures';
import { auditLedgers, auditReplay as replay } from './audit-ledgers';
import { flipByte, forgeFile, scratchFolders, untilSettled } from './audit-fixtures';

// A small campaign's whole tree on the dev server (3 units, one reporting, one hazard found in
// it with a photo as evidence) exported and verified offline; a byte changed in a unit's ledger,
// a unit's history or the evidence file fails naming it; a unit's ledger event deleted (the
// manifest re-made to match) fails the comparison with what the unit's code projected on replay
// — the unit records its ledger through a local activity, whose input no history keeps.
const TEMPLATE = testTemplate({
  id: 'bundle-test',
  name: '导出测试活动 (export test campaign)',
  phases: [{ id: 'whole', name: '全程', duration: { amount: 30, unit: 'days' }, deliverables: [] }],
  reports: [
    { id: 'morning', name: '早报', cadence: 'daily', cutoff: '08:00', zeroReportAllowed: true },
    { id: 'evening', name: '晚报', cadence: 'daily', cutoff: '20:00', zeroReportAllowed: true },
  ],
});
const tag = randomUUID().slice(0, 8);
// Unit ids of this file only: a unit's export gathers everything the ledgers hold about it.
const units: ScopeUnit[] = [diligentUnit, negligentUnit, lateJoiner].map((u) => ({ ...u, unitId: `${u.unitId}-${tag}` }));
const [reporting] = units;
const unitActor = { id: `${reporting!.unitId}-officer`, name: `${reporting!.name} 安全员`, role: 'unit' as const, unitId: reporting!.unitId };
const campaignId = randomUUID();
const hazardId = randomUUID();
const scratch = scratchFolders();
let dev: DevServerHarness;
let worker: Worker;
let running: Promise<void>;
let ledgers: Awaited<ReturnType<typeof auditLedgers>>;
let photo: string;
let bundle: string;

const unitLedger = (unitId: string) => `ledger/${unitObligationsWorkflowId(campaignId, unitId)}.events.json`;

beforeAll(async () => {
  dev = await connectDevServer();
  const taskQueue = `campaign-bundle-${randomUUID()}`;
  worker = await dev.newWorker(taskQueue);
  running = worker.run();
  ledgers = await auditLedgers(dev.dataSource);
  const startsAt = Date.now() + 3600_000; // nothing falls due while the test runs
  const campaign = await dev.client.workflow.start(campaignWorkflow, {
    taskQueue,
    workflowId: campaignWorkflowId(campaignId),
    args: [{ launch: launchOf(campaignId, TEMPLATE, units, startsAt), launchedBy: office }],
  });
  await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
  for (const u of units)
    await untilQueryable(() => dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, u.unitId)).query(unitViewQuery));

  const schedule = buildCampaignSchedule(TEMPLATE, new Date(startsAt), {});
  const [due] = obligationsBetween(TEMPLATE, schedule, new Date(Date.now()), new Date(Date.now() + DAY_MS)).filter((o) => o.kind === 'report');
  expect(due, 'a report falls due within a day').toBeDefined();
  await dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, reporting!.unitId)).executeUpdate(submitReportUpdate, {
    args: [{ actor: unitActor, obligationId: due!.id, zero: false, content: '已完成自查，发现临边防护缺失一处' }],
  });

  photo = (await ledgers.evidence.put(Buffer.from(`临边防护整改后照片 ${tag}`))).digest;
  const hazard = await dev.client.workflow.start(hazardWorkflow, {
    taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [
      { hazardId, report: hazardReport(Date.now(), { campaignId, unitId: reporting!.unitId }), reporter: inspector, policy: STANDARD_HAZARD_POLICY },
    ],
  });
  await hazard.executeUpdate(awaitRegisteredUpdate);
  await hazard.executeUpdate(submitPlanUpdate, { args: [{ actor: unitActor, plan: fiveInPlacePlan(Date.now() + 10 * DAY_MS) }] });
  await hazard.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitActor, summary: '已设置防护栏杆', attachments: [photo] }] });
  await untilSettled(dev.client, [campaign.workflowId, hazard.workflowId, ...units.map((u) => unitObligationsWorkflowId(campaignId, u.unitId))]);

  bundle = await scratch.make('duban-campaign-bundle-');
  const exported = await exportBundle(
    { client: dev.client, ledgers },
    { kind: 'campaign', id: campaignId },
    { dir: bundle, exportedBy: '纪委监委 陈' },
  );
  expect(exported).toMatchObject({ workflows: 5, missingEvidence: [] });
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await dev?.close();
  await scratch.removeAll();
});

describe("a campaign's whole tree as one bundle (专项行动审计导出包), verified offline", () => {
  it('holds the campaign, its 3 units, the hazard and its photo, and verifies: replay, every ledger equal to what its code projected', async () => {
    const manifest = JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8')) as BundleManifest;
    const paths = manifest.files.map((f) => f.path);
    for (const u of units) expect(paths).toContain(unitLedger(u.unitId));
    expect(paths).toContain(`ledger/${campaignWorkflowId(campaignId)}.events.json`);
    expect(paths).toContain(`evidence/${photo.slice('sha256:'.length)}`);
    const reported = JSON.parse(await readFile(path.join(bundle, unitLedger(reporting!.unitId)), 'utf8')) as Array<{ type: string }>;
    expect(reported.map((e) => e.type)).toContain('report_submitted');

    const verified = await verifyBundle(bundle, { replay });
    expect(verified.problems).toEqual([]);
    expect(verified).toMatchObject({ ok: true, histories: manifest.files.filter((f) => f.path.startsWith('histories/')).length });
    const timeline = await readFile(path.join(bundle, 'timeline.html'), 'utf8');
    expect(timeline).toContain('目录 (contents)');
    expect(timeline.match(/<details /g)).toHaveLength(5);
    expect(timeline).not.toMatch(/<script|https?:\/\//);
  });

  it("fails naming the file when one byte changes in a unit's ledger, a unit's history or the evidence file", async () => {
    const manifest = JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8')) as BundleManifest;
    const unitHistory = manifest.files.find((f) => f.path.startsWith(`histories/${unitObligationsWorkflowId(campaignId, reporting!.unitId)}/`))!.path;
    for (const file of [unitLedger(reporting!.unitId), unitHistory, `evidence/${photo.slice('sha256:'.length)}`]) {
      const copy = await scratch.copyOf(bundle);
      await flipByte(path.join(copy, ...file.split('/')));
      const verified = await verifyBundle(copy);
      expect(verified.ok, file).toBe(false);
      expect(
        verified.problems.map((p) => p.file),
        file,
      ).toContain(file);
    }
  });

  it('fails an evidence file re-listed under its new digest: its bytes no longer hash to its name', async () => {
    const copy = await scratch.copyOf(bundle);
    const file = `evidence/${photo.slice('sha256:'.length)}`;
    await forgeFile(copy, file, Buffer.from('另一张照片 (another photo)'));
    const verified = await verifyBundle(copy);
    expect(verified.problems).toEqual([{ file, problem: expect.stringContaining('not to the digest it is named by') }]);
  });

  it("fails when a unit's ledger event is deleted, even with the manifest re-made to match", async () => {
    const copy = await scratch.copyOf(bundle);
    const file = unitLedger(reporting!.unitId);
    const events = JSON.parse(await readFile(path.join(copy, file), 'utf8')) as Array<{ seq: number; type: string }>;
    const dropped = events.find((e) => e.type === 'report_submitted')!;
    await forgeFile(
      copy,
      file,
      Buffer.from(
        `${JSON.stringify(
          events.filter((e) => e !== dropped),
          null,
          2,
        )}\n`,
      ),
    );
    const verified = await verifyBundle(copy, { replay });
    expect(verified.problems).toEqual([{ file, problem: expect.stringContaining(`event seq ${dropped.seq}`) }]);
  });

  it("exports the reporting unit (its obligations, the hazard) and verifies; with the photo gone from the store the export records it and verify names the event's file", async () => {
    const unitBundle = await scratch.make('duban-unit-bundle-');
    const exported = await exportBundle(
      { client: dev.client, ledgers },
      { kind: 'unit', id: reporting!.unitId },
      { dir: unitBundle, exportedBy: '纪委监委 陈' },
    );
    expect(exported.workflows).toBe(2);
    expect((await verifyBundle(unitBundle, { replay })).problems).toEqual([]);

    await rm(ledgers.evidence.pathOf(photo));
    const gap = await scratch.make('duban-unit-bundle-gap-');
    const hazardLedger = `ledger/${hazardWorkflowId(hazardId)}.events.json`;
    const partial = await exportBundle(
      { client: dev.client, ledgers },
      { kind: 'unit', id: reporting!.unitId },
      { dir: gap, exportedBy: '纪委监委 陈' },
    );
    expect(partial.missingEvidence).toEqual([{ digest: photo, referencedBy: [hazardLedger] }]);
    const verified = await verifyBundle(gap, { replay });
    expect(verified.problems).toEqual([{ file: hazardLedger, problem: expect.stringContaining(`references evidence ${photo}`) }]);
  });
});
