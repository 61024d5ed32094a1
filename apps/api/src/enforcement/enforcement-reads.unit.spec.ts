import { describe, expect, it } from 'vitest';
import { auditor, office, unitA, unitB } from '../testing/actors';
import { InMemoryEnforcement, openSampleCase, startEnforcementApp } from '../testing/in-memory-enforcement';
import { useSpecApp } from '../testing/use-spec-app';

/** The reads: the ledger (执法台账) bounded by the reader's scope, one case's state from its workflow or the ledger. */
const cases = new InMemoryEnforcement();
const spec = useSpecApp(
  () => startEnforcementApp(cases),
  () => {
    cases.listFilters.length = 0;
  },
);
const { call } = spec;

describe('reading enforcement cases', () => {
  it('lists within the reader’s scope, passing the ledger page’s filters through; a unit reads only its own', async () => {
    const id = await openSampleCase(spec.api, office);
    const query = 'status=open&measure=suspension&suspended=true&criminal=false&industryId=chemicals&openedFrom=2026-03-01T00:00:00.000Z';
    expect((await call('GET', `/enforcement-cases?${query}`, auditor)).status).toBe(200);
    expect(cases.listFilters[0]).toMatchObject({
      status: 'open',
      measure: 'suspension',
      suspended: true,
      criminal: false,
      industryId: 'chemicals',
      openedFrom: '2026-03-01T00:00:00.000Z',
    });
    const own = await call('GET', '/enforcement-cases', unitA);
    expect(own.body.items.map((r: { caseId: string }) => r.caseId)).toContain(id);
    expect(cases.listFilters[1]!.bounds).toEqual({ unitId: 'unit-a' });
    expect((await call('GET', '/enforcement-cases', unitB)).body.items).toEqual([]);
    expect(await call('GET', '/enforcement-cases?unitId=unit-a', unitB)).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect(await call('GET', '/enforcement-cases?measure=warning', office)).toMatchObject({ status: 400, body: { field: 'measure' } });
  });

  it('answers one case from its workflow, or from the ledger once the workflow is gone; another unit gets 403', async () => {
    const id = await openSampleCase(spec.api, office);
    const live = await call('GET', `/enforcement-cases/${id}`, unitA);
    expect(live.body).toMatchObject({ stateSource: 'workflow', state: { caseId: id }, ledger: { caseId: id, respondentCount: 3, suspended: false } });
    expect(await call('GET', `/enforcement-cases/${id}`, unitB)).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect(await call('GET', `/enforcement-cases/${id}/events`, unitB)).toMatchObject({ status: 403 });
    expect((await call('GET', `/enforcement-cases/${id}/events`, auditor)).body).toEqual({ items: [], next: null });
  });
});
