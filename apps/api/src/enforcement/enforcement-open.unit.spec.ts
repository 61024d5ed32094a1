import { describe, expect, it } from 'vitest';
import { STANDARD_ENFORCEMENT_POLICY } from '@duban/domain';
import type { EnforcementCaseWorkflowInput } from '@duban/workflows';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { InMemoryEnforcement, openCaseBody, startEnforcementApp } from '../testing/in-memory-enforcement';
import { useSpecApp } from '../testing/use-spec-app';

/** POST /enforcement-cases (立案): the registry's unit, region and industry; the domain's admission; the workflow start. */
const cases = new InMemoryEnforcement();
const { call } = useSpecApp(
  () => startEnforcementApp(cases),
  () => {
    cases.started.length = 0;
  },
);

describe('POST /enforcement-cases', () => {
  it('opens against a registered unit in its registry region and industry, by update-with-start, answering 201 with Location', async () => {
    const res = await call('POST', '/enforcement-cases', office, openCaseBody);
    expect(res.status).toBe(201);
    const { caseId, state } = res.body;
    expect(res.headers.get('location')).toBe(`/enforcement-cases/${caseId}`);
    expect(state).toMatchObject({ caseId, unitId: 'unit-a', regionId: 'county-east', industryId: 'chemicals', origin: 'inspection', status: 'open' });
    expect(state.respondents.map((r: { role: string }) => r.role)).toEqual(['enterprise', 'legal_representative', 'actual_controller']);
    const [start] = cases.started;
    expect(start.workflowType).toBe('enforcementCaseWorkflow');
    expect(start.options).toMatchObject({ workflowId: `enforcement-case-${caseId}`, taskQueue: 'duban', workflowIdConflictPolicy: 'FAIL' });
    const [input] = start.options.args as EnforcementCaseWorkflowInput[];
    expect(input).toEqual({
      filing: { ...openCaseBody, caseId, regionId: 'county-east', industryId: 'chemicals' },
      opener: office,
      policy: STANDARD_ENFORCEMENT_POLICY,
    });
    // An inspector opens from a covert inspection, naming it.
    const covert = await call('POST', '/enforcement-cases', inspector, { ...openCaseBody, origin: 'covert_inspection', sourceRef: 'ci-7' });
    expect(covert.body.state).toMatchObject({
      origin: 'covert_inspection',
      sourceRef: 'ci-7',
      opened: { by: inspector, legalBasis: openCaseBody.legalBasis },
    });
  });

  it('refuses before starting anything, naming the field: a hazard origin, an unknown unit, a missing source or basis, no enterprise, a role', async () => {
    const hazard = await call('POST', '/enforcement-cases', office, { ...openCaseBody, origin: 'hazard_overdue', sourceRef: 'hz-1' });
    expect(hazard).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'origin' } });
    // The region is the registry's, never the caller's.
    expect(await call('POST', '/enforcement-cases', office, { ...openCaseBody, regionId: 'elsewhere' })).toMatchObject({
      status: 400,
      body: { field: 'regionId' },
    });
    const unknown = await call('POST', '/enforcement-cases', office, { ...openCaseBody, unitId: 'unit-x' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'resource.not_found', field: 'unitId' } });
    expect(unknown.body.detail).toMatch(/unit-x is not in the registry \(单位库\)/);
    const noSource = await call('POST', '/enforcement-cases', office, { ...openCaseBody, origin: 'accident' });
    expect(noSource).toMatchObject({ status: 400, body: { code: 'enforcement.origin.source_required', field: 'sourceRef' } });
    const { legalBasis: _, ...noBasis } = openCaseBody;
    expect(await call('POST', '/enforcement-cases', office, noBasis)).toMatchObject({ status: 400, body: { field: 'legalBasis' } });
    const people = openCaseBody.respondents.slice(1);
    expect(await call('POST', '/enforcement-cases', office, { ...openCaseBody, respondents: people })).toMatchObject({
      status: 400,
      body: { code: 'enforcement.respondent.enterprise_required', field: 'respondents' },
    });
    const future = { ...openCaseBody.violation, foundAt: '2026-03-03T00:00:00.000Z' };
    expect(await call('POST', '/enforcement-cases', office, { ...openCaseBody, violation: future })).toMatchObject({
      status: 400,
      body: { field: 'violation.foundAt' },
    });
    for (const who of [unitA, auditor])
      expect(await call('POST', '/enforcement-cases', who, openCaseBody)).toMatchObject({
        status: 403,
        body: { code: 'permission.role_not_allowed' },
      });
    expect(cases.started).toEqual([]);
  });
});
