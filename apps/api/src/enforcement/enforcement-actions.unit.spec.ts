import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { inspector, office, unitA, unitB } from '../testing/actors';
import { InMemoryEnforcement, LAW, openSampleCase, startEnforcementApp } from '../testing/in-memory-enforcement';
import { useSpecApp } from '../testing/use-spec-app';

/** The steps of a case after 立案, each an update of its workflow: 四个一律, 复工复产 and 结案 (行刑衔接). */
const cases = new InMemoryEnforcement();
const spec = useSpecApp(
  () => startEnforcementApp(cases),
  () => {
    cases.updates.length = 0;
  },
);
const { call } = spec;
const town: Actor = { id: 'u-t', name: '北山街道 刘主任', role: 'unit', unitId: 'town-1' };
const post = (id: string, path: string, as: Actor, body: object) => call('POST', `/enforcement-cases/${id}/${path}`, as, body);
const suspend = (id: string) => post(id, 'suspension', office, { respondentId: 'r-company', reason: '责令停产整顿', legalBasis: LAW });
const inspect = (id: string, passed: boolean) =>
  post(id, 'resumption-inspections', inspector, { passed, findings: '复产验收', inspectors: ['王五'] });
const sign = (id: string, levelId: string, as: Actor = office) =>
  post(id, 'resumption-signatures', as, { levelId, signer: '签字人', opinion: '同意复产' });

describe('an enforcement case’s steps through HTTP', () => {
  it('suspension → the unit’s rectification → a failed 复产验收 → 关闭取缔 → 结案', async () => {
    const id = await openSampleCase(spec.api, office);
    expect((await suspend(id)).body.state.suspension).toMatchObject({ status: 'suspended', respondentId: 'r-company' });
    expect(await post(id, 'rectification', unitB, { summary: '整改完成' })).toMatchObject({
      status: 403,
      body: { code: 'permission.own_unit_only' },
    });
    expect((await post(id, 'rectification', unitA, { summary: '通风系统改造完成' })).body.state.suspension.status).toBe('rectification_filed');
    const failed = await inspect(id, false);
    expect(failed.body.events.map((e: { type: string }) => e.type)).toEqual(['resumption_inspected', 'closure_required']);
    expect((await post(id, 'closing', office, { conclusion: '结案', legalBasis: LAW })).body.code).toBe('enforcement.close.closure_required');
    const closedDown = await post(id, 'closure', office, { reason: '经停产整顿仍不具备安全生产条件', legalBasis: LAW });
    expect(closedDown.body.state).toMatchObject({ closure: { afterFailedResumption: true }, suspension: { status: 'closed' } });
    expect((await suspend(id)).body.code).toBe('enforcement.closure.final');
    expect((await post(id, 'closing', office, { conclusion: '已关闭取缔', legalBasis: LAW })).body.state.status).toBe('closed');
  });

  it('resumes only after the signatures level by level; the unit may not sign its own; a check finding it producing records a violation', async () => {
    const id = await openSampleCase(spec.api, office);
    await suspend(id);
    const producing = await post(id, 'supervision-checks', inspector, {
      checkedAt: '2026-03-02T07:00:00.000Z',
      producing: true,
      findings: '井下有人作业',
    });
    expect(producing.body.state.violations.map((v: { via: string }) => v.via)).toEqual(['filing', 'supervision_check']);
    await post(id, 'rectification', unitA, { summary: '整改完成' });
    expect((await inspect(id, true)).body.state.suspension.status).toBe('awaiting_signatures');
    expect(await sign(id, 'county_government')).toMatchObject({ status: 409, body: { code: 'enforcement.resumption.signature_out_of_order' } });
    expect(await sign(id, 'town', unitA)).toMatchObject({ status: 403, body: { code: 'enforcement.resumption.self_signature' } });
    expect((await sign(id, 'town', town)).status).toBe(200);
    await sign(id, 'county_department');
    const resumed = await sign(id, 'county_government');
    expect(resumed.body.events.map((e: { type: string }) => e.type)).toEqual(['resumption_signed', 'resumed']);
    expect(resumed.body.state.suspension.signatures.map((s: { levelId: string }) => s.levelId)).toEqual([
      'town',
      'county_department',
      'county_government',
    ]);
  });

  it('refuses 结案 of a case flagged criminal until referred and answered (行刑衔接), naming why in Chinese and English', async () => {
    const id = await openSampleCase(spec.api, office);
    await post(id, 'criminal-flag', inspector, { reason: '涉嫌危险作业罪', legalBasis: '《刑法》第一百三十四条之一' });
    expect(
      (await post(id, 'fine', office, { respondentId: 'r-legal', amountYuan: 50_000, upperLimitYuan: 100_000, reason: '上限', legalBasis: LAW }))
        .body,
    ).toMatchObject({
      code: 'enforcement.fine.not_upper_limit',
      field: 'amountYuan',
    });
    expect(
      (await post(id, 'fine', office, { respondentId: 'r-legal', amountYuan: 100_000, upperLimitYuan: 100_000, reason: '上限处罚', legalBasis: LAW }))
        .status,
    ).toBe(200);
    const refused = await post(id, 'closing', office, { conclusion: '罚款结案', legalBasis: LAW });
    expect(refused).toMatchObject({ status: 409, body: { code: 'enforcement.close.criminal_not_referred' } });
    expect(refused.body.detail).toMatch(/^行刑衔接: .*not referred to the judiciary.*不能有案不移、以罚代刑/);
    await post(id, 'judicial-referral', office, { respondentIds: ['r-legal'], receivingAuthority: '县公安局', reason: '移送', legalBasis: LAW });
    expect((await post(id, 'closing', office, { conclusion: '结案', legalBasis: LAW })).body.code).toBe('enforcement.close.referral_pending');
    await post(id, 'referral-outcome', office, { outcome: 'accepted', decisionRef: '县公安局立案决定书', reason: '已立案' });
    expect((await post(id, 'closing', office, { conclusion: '移送后结案', legalBasis: LAW })).body.state).toMatchObject({ status: 'closed' });
  });

  it('refuses a bad id by name, an unknown case with 404, a role with 403, and a closed case’s steps with 409', async () => {
    expect(await call('GET', '/enforcement-cases/not-a-uuid', office)).toMatchObject({ status: 400, body: { field: 'caseId' } });
    expect(await call('GET', '/enforcement-cases/00000000-0000-4000-8000-000000000000', office)).toMatchObject({ status: 404 });
    const id = await openSampleCase(spec.api, office);
    expect(await post(id, 'suspension', office, { reason: '停产', legalBasis: LAW })).toMatchObject({ status: 400, body: { field: 'respondentId' } });
    expect(await post(id, 'closure', inspector, { reason: '关闭', legalBasis: LAW })).toMatchObject({
      status: 403,
      body: { code: 'permission.role_not_allowed' },
    });
    cases.closed.add(id);
    expect(
      await post(id, 'violations', office, {
        violation: { description: '又一违法', serious: false, foundAt: '2026-03-02T07:00:00.000Z', legalBasis: LAW },
        reason: '检查发现',
      }),
    ).toMatchObject({
      status: 409,
      body: { code: 'enforcement.case.closed' },
    });
  });
});
