import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import {
  awaitCampaignRegisteredUpdate,
  awaitRegisteredUpdate,
  campaignWorkflowId,
  hazardWorkflowId,
  unitObligationsWorkflowId,
  unitViewQuery,
} from '@duban/workflows';
import { fetchWorkflowHistories } from '@duban/audit';
import { runDuban } from '../../apps/cli/src/duban-program';
import type { CliIo } from '../../apps/cli/src/cli-io';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { diligentUnit, launchOf, negligentUnit, testTemplate } from '../support/campaign-fixtures';
import { connectDevServer, eventually, untilQueryable, type DevServerHarness } from '../support/dev-server';
import { hazardReport, inspector, office } from '../support/hazard-fixtures';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';

const TEMPLATE = testTemplate({
  id: 'replay-cli-test',
  name: '重放测试活动 (replay test campaign)',
  phases: [{ id: 'whole', name: '全程', duration: { amount: 30, unit: 'days' }, deliverables: [] }],
  reports: [{ id: 'daily', name: '日报', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true }],
});

let dev: DevServerHarness;
let worker: Worker;
let workerRun: Promise<void>;
const campaignId = randomUUID();
const hazardId = randomUUID();

/** Runs `duban <args>` in-process against the test's Temporal and PostgreSQL, with the run's shared workflow bundle. */
async function duban(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const env = {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: inject('temporalNamespace'),
    DATABASE_URL: inject('databaseUrl'),
    DUBAN_WORKFLOW_BUNDLE: (await sharedWorkflowBundle()).codePath,
  };
  const io: CliIo = { stdout, stderr, env, exitCode: 0 };
  const code = await runDuban(io, args);
  return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
}

beforeAll(async () => {
  dev = await connectDevServer();
  const taskQueue = `replay-cli-${randomUUID()}`;
  worker = await dev.newWorker(taskQueue);
  workerRun = worker.run();
  // A campaign over two units (starting in an hour: nothing falls due) and one hazard found in it.
  const campaign = await dev.client.workflow.start(campaignWorkflow, {
    taskQueue,
    workflowId: campaignWorkflowId(campaignId),
    args: [{ launch: launchOf(campaignId, TEMPLATE, [diligentUnit, negligentUnit], Date.now() + 3600_000), launchedBy: office }],
  });
  await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
  for (const unit of [diligentUnit, negligentUnit]) {
    await untilQueryable(() => dev.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unit.unitId)).query(unitViewQuery));
  }
  const hazard = await dev.client.workflow.start(hazardWorkflow, {
    taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [
      {
        hazardId,
        report: hazardReport(Date.now(), { campaignId, unitId: diligentUnit.unitId }),
        reporter: inspector,
        policy: STANDARD_HAZARD_POLICY,
      },
    ],
  });
  await hazard.executeUpdate(awaitRegisteredUpdate);
  await eventually(async () => {
    const [{ units }] = await dev.dataSource.query('select count(*)::int as units from campaign_unit where campaign_id = $1', [campaignId]);
    const [{ hazards }] = await dev.dataSource.query('select count(*)::int as hazards from hazard_ledger where campaign_id = $1', [campaignId]);
    return units === 2 && hazards === 1;
  });
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await dev?.close();
});

describe('duban replay (the CLI, on real Temporal and PostgreSQL)', () => {
  it("replays a campaign's whole tree and exits 0, its summary counting exactly the tree's histories", async () => {
    const result = await duban('replay', '--campaign', campaignId);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);

    const tree = [
      campaignWorkflowId(campaignId),
      unitObligationsWorkflowId(campaignId, diligentUnit.unitId),
      unitObligationsWorkflowId(campaignId, negligentUnit.unitId),
      hazardWorkflowId(hazardId),
    ];
    const runs = (await Promise.all(tree.map((id) => fetchWorkflowHistories(dev.client, id)))).flat();
    const events = runs.reduce((sum, r) => sum + r.eventCount, 0);
    for (const run of runs) expect(result.out).toContain(`ok   ${run.workflowId} run ${run.runId} ${run.eventCount} events`);
    expect(result.out).toMatch(
      new RegExp(`历史 histories 4  运行 runs ${runs.length}  事件 events ${events}  事件/秒 events/s \\d+  失败 failures 0`),
    );
  });

  it('refuses a workflow id the server does not have with exit code 2, saying so', async () => {
    const missing = hazardWorkflowId(randomUUID());
    const result = await duban('replay', missing);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`duban: no workflow ${missing} on the Temporal server`);
    expect(result.out).toBe('');
  });

  it('exports a hazard’s bundle signed with the office’s key, and verifies it offline: exit 0, then 1 naming the changed file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'duban-cli-bundle-'));
    try {
      const keys = generateKeyPairSync('ed25519');
      await writeFile(path.join(dir, 'office.key'), keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
      await writeFile(path.join(dir, 'office.pub'), keys.publicKey.export({ type: 'spki', format: 'pem' }));
      const out = path.join(dir, 'bundle');
      const exported = await duban('export', '--hazard', hazardId, '--out', out, '--sign-key', path.join(dir, 'office.key'), '--by', '纪委监委 陈');
      expect([exported.code, exported.err]).toEqual([0, '']);
      expect(exported.out).toMatch(/files, root digest [0-9a-f]{64}, signed/);

      const verified = await duban('verify', out, '--trusted-key', path.join(dir, 'office.pub'));
      expect([verified.code, verified.err]).toEqual([0, '']);
      expect(verified.out).toMatch(/✓ verified: .* signed, 1 histories replayed, \d+ ledger events checked, 0 problems/);

      const timeline = path.join(out, 'timeline.html');
      await writeFile(timeline, (await readFile(timeline, 'utf8')).replace('隐患', '事故'));
      const tampered = await duban('verify', out, '--trusted-key', path.join(dir, 'office.pub'));
      expect(tampered.code).toBe(1);
      expect(tampered.out).toContain('✗ timeline.html: SHA-256');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an export asked for no subject or for two, with exit code 2, before reaching any server', async () => {
    for (const subjects of [[], ['--hazard', hazardId, '--campaign', campaignId], ['--enforcement', 'case-1', '--unit', 'unit-1']]) {
      const result = await duban('export', ...subjects, '--out', path.join(tmpdir(), `duban-never-${randomUUID()}`));
      expect(result.code, subjects.join(' ')).toBe(2);
      expect(result.err).toContain(`give exactly one of --hazard, --campaign, --unit, --accident, --enforcement (got ${subjects.length / 2})`);
    }
  });

  it('refuses an unknown campaign with exit code 2, saying so', async () => {
    const missing = randomUUID();
    const result = await duban('export', '--campaign', missing, '--out', path.join(tmpdir(), `duban-never-${randomUUID()}`));
    expect(result.code).toBe(2);
    expect(result.err).toContain(`duban: no campaign ${missing} in the ledgers`);
  });

  it('refuses an unknown enforcement case with exit code 2, saying so', async () => {
    const missing = `case-${randomUUID()}`;
    const result = await duban('export', '--enforcement', missing, '--out', path.join(tmpdir(), `duban-never-${randomUUID()}`));
    expect(result.code).toBe(2);
    expect(result.err).toContain(`duban: no enforcement case ${missing} in the ledgers`);
  });
});
