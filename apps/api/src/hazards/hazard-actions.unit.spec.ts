import { describe, expect, it } from 'vitest';
import type { Actor, HazardEvent } from '@duban/domain';
import { inspector, unitA, unitB } from '../testing/actors';
import { useHazardSpecApp, reportSampleHazard } from '../testing/in-memory-hazards';

/** Actions on one hazard: the id check (400), the object-level check (404, 403), the update and its refusals. */
const spec = useHazardSpecApp();
const { hazards, call } = spec;

const reportHazard = (as?: Actor, overrides?: object) => reportSampleHazard(spec.api, as, overrides);

describe('actions on a hazard', () => {
  it('rejects an :id that is not a UUID with 400 naming id, and an unknown hazard with 404', async () => {
    const bad = await call('POST', '/hazards/abc/progress', unitA, { text: 'x' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'id' } });
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const unknown = await call('POST', '/hazards/0b6f3f5e-7d8a-4b8e-9a55-3f4c2a1d9e10/progress', unitA, { text: 'x' });
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: 'resource.not_found', detail: 'hazard 0b6f3f5e-7d8a-4b8e-9a55-3f4c2a1d9e10 not found' },
    });
    expect(hazards.updates).toEqual([]);
  });

  it('keeps a unit to its own hazards (403 with the reason, nothing sent to the workflow)', async () => {
    const id = await reportHazard();
    const res = await call('POST', `/hazards/${id}/plan`, unitB, {});
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      code: 'permission.own_unit_only',
      detail: 'unit unit-b may act only on its own hazards; this hazard belongs to unit unit-a',
    });
    expect(hazards.updates).toEqual([]);
  });

  it('reports every missing 五到位 item at once (400, code, field plan, missing)', async () => {
    const id = await reportHazard();
    const res = await call('POST', `/hazards/${id}/plan`, unitA, { responsiblePerson: '张三', measures: '加强支护' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'hazard.plan.five_in_place_missing', field: 'plan', missing: ['funds', 'deadline', 'contingency'] });
    expect(res.body.detail).toMatch(/五到位/);
  });

  it("sends the action with the token's actor and answers 200 { events, state }; a state conflict is 409", async () => {
    const id = await reportHazard();
    const plan = {
      responsiblePerson: '张三',
      measures: '补打锚杆、加密钢拱架',
      funds: { amountYuan: 120000, source: '企业安全生产费用' },
      deadline: '2026-03-20T00:00:00.000Z',
      contingencyPlan: '掌子面停止掘进，专人值守',
    };
    const res = await call('POST', `/hazards/${id}/plan`, unitA, plan);
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(res.body.state).toMatchObject({ status: 'rectifying', plan });
    expect(res.body.events.map((e: HazardEvent) => e.type)).toEqual(['plan_submitted']);
    expect(hazards.updates.at(-1)).toEqual({ workflowId: `hazard-${id}`, name: 'submitPlan', args: [{ plan, actor: unitA }] });

    const early = await call('POST', `/hazards/${id}/verification`, inspector, { decision: 'accept', comment: '合格', effectEvaluation: '有效' });
    expect(early).toMatchObject({ status: 409, body: { status: 409, title: 'Conflict', code: 'hazard.status.not_allowed' } });
    expect(early.body.detail).toMatch(/cannot verify while the hazard is 整改中/);

    const progress = await call('POST', `/hazards/${id}/progress`, unitA, { text: '已完成 60%', percentComplete: 60 });
    expect(progress.status).toBe(200);
    expect(progress.body.state.progressReportCount).toBe(1);
  });

  it("answers 409 once the hazard's workflow has closed (销号)", async () => {
    const id = await reportHazard();
    hazards.closed.add(id);
    const res = await call('POST', `/hazards/${id}/progress`, unitA, { text: 'x' });
    expect(res).toMatchObject({ status: 409, body: { code: 'hazard.closed' } });
    expect(res.body.detail).toMatch(/closed \(已销号\)/);
  });
});
