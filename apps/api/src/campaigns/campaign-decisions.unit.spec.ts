import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { auditor, inspector, office, unitA, unitB } from '../testing/actors';
import { useCampaignSpecApp, launchCampaign, UNITS } from '../testing/campaign-spec-fixtures';

/** The office's decisions on a campaign (安委办): who may, each with a reason, and what a closed or paused campaign refuses. */
const spec = useCampaignSpecApp();
const { world, call } = spec;

const launch = (body?: object) => launchCampaign(spec.api, body);

describe('office decisions (安委办)', () => {
  it('pause, extend a phase, add and remove a unit, close: office only, each with a reason', async () => {
    const id = await launch();
    for (const actor of [inspector, unitA, auditor]) {
      const refused = await call('POST', `/campaigns/${id}/pause`, actor, { reason: '春节' });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(new RegExp(`^${actor.role} may not manage: .*safety committee office`));
    }
    expect(world.updates).toHaveLength(0);

    const paused = await call('POST', `/campaigns/${id}/pause`, office, { reason: '春节假期' });
    expect(paused.status).toBe(200);
    expect(paused.body.events.map((e: { type: string }) => e.type)).toEqual(['paused']);
    expect(paused.body.view.state.status).toBe('paused');
    expect(world.updates.at(-1)).toEqual({ workflowId: `campaign-${id}`, name: 'pauseCampaign', args: [{ reason: '春节假期', actor: office }] });

    expect(await call('POST', `/campaigns/${id}/pause`, office, { reason: 'again' })).toMatchObject({
      status: 409,
      body: { code: 'campaign.already_paused' },
    });
    expect(await call('POST', `/campaigns/${id}/resume`, office, {})).toMatchObject({
      status: 400,
      body: { code: 'request.invalid', field: 'reason', detail: 'reason is required' },
    });
    expect((await call('POST', `/campaigns/${id}/resume`, office, { reason: '节后恢复' })).status).toBe(200);

    const extended = await call('POST', `/campaigns/${id}/phase-extensions`, office, {
      phaseId: 'self-inspection',
      by: { amount: 5, unit: 'days' },
      reason: '企业数量多',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.events[0]).toMatchObject({ type: 'phase_extended', data: { phaseId: 'self-inspection', by: { amount: 5, unit: 'days' } } });
    const badPhase = await call('POST', `/campaigns/${id}/phase-extensions`, office, {
      phaseId: 'nope',
      by: { amount: 5, unit: 'days' },
      reason: 'x',
    });
    expect(badPhase).toMatchObject({ status: 400, body: { code: 'campaign.phase.unknown', field: 'phaseId' } });

    const newcomer = { unitId: 'unit-c', name: '丙公司', kind: 'enterprise', regionId: 'county-east', industryId: 'chemicals' };
    const added = await call('POST', `/campaigns/${id}/units`, office, { unit: newcomer, reason: '新纳入' });
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`/campaigns/${id}/units/unit-c`);
    expect(added.body.events[0]).toMatchObject({ type: 'unit_added', data: { unit: newcomer } });
    const again = await call('POST', `/campaigns/${id}/units`, office, { unit: UNITS[0], reason: 'dup' });
    expect(again).toMatchObject({ status: 409, body: { code: 'campaign.unit.already_enrolled' } });

    const noReason = await call('DELETE', `/campaigns/${id}/units/unit-b`, office);
    expect(noReason).toMatchObject({ status: 400, body: { code: 'campaign.decision.reason_required', field: 'reason' } });
    const removed = await call('DELETE', `/campaigns/${id}/units/unit-b?reason=${encodeURIComponent('已关闭停产')}`, office);
    expect(removed.status).toBe(200);
    expect(removed.body.events[0]).toMatchObject({ type: 'unit_removed', data: { unitId: 'unit-b' }, reason: '已关闭停产' });
    expect((await call('DELETE', `/campaigns/${id}/units/unit-zzz`, office, { reason: 'x' })).status).toBe(404);
    expect((await call('DELETE', `/campaigns/${id}/units/unit-b`, unitB, { reason: 'x' })).status).toBe(403);

    const closed = await call('POST', `/campaigns/${id}/close`, office, { reason: '活动结束' });
    expect(closed.status).toBe(200);
    expect(closed.body.view.state.status).toBe('closed');
    expect((await call('POST', `/campaigns/${id}/resume`, office, { reason: 'x' })).status).toBe(409);
  });

  it('answers 404 for an unknown campaign and 400 for a malformed id', async () => {
    const missing = await call('POST', `/campaigns/${randomUUID()}/pause`, office, { reason: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toMatch(/^campaign .* not found$/);
    expect(await call('GET', '/campaigns/bad%20id', office)).toMatchObject({ status: 400, body: { field: 'id' } });
  });
});
