import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  STANDARD_ENFORCEMENT_POLICY,
  type Actor,
  type CommandArgs,
  type EnforcementCaseFiling,
  type EnforcementCommand,
  type EnforcementCommandType,
} from '@duban/domain';
import { awaitEnforcementRegisteredUpdate, ENFORCEMENT_COMMAND_UPDATES, enforcementCaseWorkflowId, enforcementStateQuery } from '@duban/workflows';
import { enforcementCaseWorkflow } from '../../workflows/src/enforcement/enforcement-case.workflow';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';
import { updateRefusal } from '../support/update-refusal';

const harness = useTimeSkippingHarness('enforcement');
const LAW = '《安全生产法》第一百一十三条';
const office: Actor = { id: 'o1', name: '县安委办 李主任', role: 'office' };
const inspector: Actor = { id: 'i1', name: '执法检查组 张队长', role: 'inspector' };
const mine: Actor = { id: 'u1', name: '某煤矿 王矿长', role: 'unit', unitId: 'coal-mine-7' };
const town: Actor = { id: 'u2', name: '某镇政府 刘镇长', role: 'unit', unitId: 'town-gov' };
const department: Actor = { id: 'u3', name: '县能源局 陈局长', role: 'unit', unitId: 'county-energy' };
const countyGov: Actor = { id: 'u4', name: '县政府 赵县长', role: 'unit', unitId: 'county-gov' };

/** An overdue 重大隐患 (逾期不整改) at a coal mine, against the company, its 法定代表人 and its 实际控制人 (一并处罚). */
function filing(caseId: string, foundAt: number): EnforcementCaseFiling {
  return {
    caseId,
    unitId: 'coal-mine-7',
    regionId: 'county-a',
    industryId: 'coal',
    origin: 'hazard_overdue',
    sourceRef: 'hz-41',
    violation: { description: '重大隐患逾期未整改, 超能力组织生产', serious: true, foundAt: new Date(foundAt).toISOString(), legalBasis: LAW },
    respondents: [
      { respondentId: 'r-company', role: 'enterprise', name: '某煤业有限公司' },
      { respondentId: 'r-legal', role: 'legal_representative', name: '王某 (法定代表人)' },
      { respondentId: 'r-controller', role: 'actual_controller', name: '孙某 (实际控制人)' },
    ],
    legalBasis: LAW,
  };
}

async function openCase() {
  const caseId = `case-${randomUUID()}`;
  const t0 = await harness.env.currentTimeMs();
  const handle = await harness.env.client.workflow.start(enforcementCaseWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: enforcementCaseWorkflowId(caseId),
    args: [{ filing: filing(caseId, t0 - 3_600_000), opener: office, policy: STANDARD_ENFORCEMENT_POLICY }],
  });
  await handle.executeUpdate(awaitEnforcementRegisteredUpdate);
  const send = <T extends EnforcementCommandType>(type: T, args: CommandArgs<EnforcementCommand, T>) =>
    handle.executeUpdate(ENFORCEMENT_COMMAND_UPDATES[type], { args: [args] as never });
  return { caseId, handle, send };
}

const suspend = { actor: office, respondentId: 'r-company', reason: '责令停产整顿', legalBasis: LAW };
const events = async (caseId: string) =>
  (await harness.dataSource.query('select type from enforcement_event where case_id = $1 order by seq', [caseId])).map(
    (r: { type: string }) => r.type,
  );

describe('enforcement cases (执法案件) under time skipping', () => {
  it('suspension, a missed supervision check, a failed 复产验收 → 关闭取缔; closing refused until the criminal referral is answered', async () => {
    const { caseId, handle, send } = await openCase();
    await send('impose_suspension', suspend);
    // 停产不停监管: no check recorded within a week — Duban records it missed, and the next falls due.
    await harness.env.sleep('8 days');
    const missed = await handle.query(enforcementStateQuery);
    expect(missed.suspension).toMatchObject({ status: 'suspended', missedChecks: [expect.any(String)] });

    await send('file_rectification', { actor: mine, summary: '通风系统改造完成' });
    await send('record_resumption_inspection', { actor: inspector, passed: false, findings: '通风系统仍不符合设计', inspectors: ['张队长', '李工'] });
    expect((await handle.query(enforcementStateQuery)).suspension?.status).toBe('closure_required');
    await send('impose_closure', { actor: office, reason: '经停产整顿仍不具备安全生产条件, 一律关闭取缔', legalBasis: LAW });
    await send('flag_criminal', { actor: office, reason: '重大事故隐患排除前擅自生产, 涉嫌危险作业罪', legalBasis: '《刑法》第一百三十四条之一' });
    // 行刑衔接: a case flagged criminal closes only once referred and answered (不能有案不移、以罚代刑).
    expect(await updateRefusal(send('close_case', { actor: office, conclusion: '已关闭取缔', legalBasis: LAW }))).toMatchObject({
      code: 'enforcement.close.criminal_not_referred',
    });

    await send('refer_to_judiciary', {
      actor: office,
      respondentIds: ['r-controller'],
      receivingAuthority: '县公安局',
      reason: '涉嫌危险作业罪',
      legalBasis: '《行政执法机关移送涉嫌犯罪案件的规定》',
    });
    await send('record_referral_outcome', {
      actor: office,
      outcome: 'accepted',
      decisionRef: '县公安局立案决定书 (2026) 7 号',
      reason: '已立案侦查',
    });
    await send('close_case', { actor: office, conclusion: '关闭取缔, 移送司法已立案', legalBasis: LAW });
    expect(await handle.result()).toMatchObject({
      status: 'closed',
      closure: { afterFailedResumption: true },
      referral: { outcome: { outcome: 'accepted' } },
    });
    expect(await events(caseId)).toEqual([
      'opened',
      'suspension_imposed',
      'supervision_check_missed',
      'rectification_filed',
      'resumption_inspected',
      'closure_required',
      'closure_imposed',
      'criminal_flagged',
      'referred_to_judiciary',
      'referral_outcome_recorded',
      'case_closed',
    ]);
    const [row] = await harness.dataSource.query('select * from enforcement_case_ledger where case_id = $1', [caseId]);
    expect(row).toMatchObject({ status: 'closed', closure_imposed: true, criminal: true, referred: true, referral_outcome: 'accepted' });

    const histories = await fetchHistories(harness.env.client, [handle.workflowId]);
    maybeRecordFixtures('enforcement-case', histories);
    expect(await replayAll(histories)).toBe(1);
  });

  it('suspension → rectification → inspection passed → signed level by level (town → county department → county government) → resumed', async () => {
    const { handle, send } = await openCase();
    await send('impose_suspension', suspend);
    await send('file_rectification', { actor: mine, summary: '通风系统改造完成, 超能力生产问题整改到位' });
    await send('record_resumption_inspection', { actor: inspector, passed: true, findings: '各项整改到位', inspectors: ['张队长'] });
    // Out of order is refused: the county government signs last.
    expect(
      await updateRefusal(send('sign_resumption', { actor: countyGov, levelId: 'county_government', signer: countyGov.name, opinion: '同意' })),
    ).toMatchObject({
      code: expect.stringMatching(/^enforcement\./),
    });
    for (const [levelId, actor] of [
      ['town', town],
      ['county_department', department],
      ['county_government', countyGov],
    ] as const)
      await send('sign_resumption', { actor, levelId, signer: actor.name, opinion: '同意复工复产' });
    const resumed = await handle.query(enforcementStateQuery);
    expect(resumed.suspension).toMatchObject({
      status: 'resumed',
      signatures: [{ levelId: 'town' }, { levelId: 'county_department' }, { levelId: 'county_government' }],
    });
    // Resumed, no longer supervised: a week passes without a missed check.
    await harness.env.sleep('8 days');
    expect((await handle.query(enforcementStateQuery)).suspension?.missedChecks).toEqual([]);
  });
});
