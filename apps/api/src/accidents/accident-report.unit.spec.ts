import { describe, expect, it } from 'vitest';
import { STANDARD_ACCIDENT_POLICY } from '@duban/domain';
import type { AccidentWorkflowInput } from '@duban/workflows';
import { office, unitA, unitB } from '../testing/actors';
import { accidentReport, InMemoryAccidents, startAccidentApp } from '../testing/in-memory-accidents';
import { useSpecApp } from '../testing/use-spec-app';

/** POST /accidents (事故快报): admission, the region from the registry, the workflow start. */
const accidents = new InMemoryAccidents();
// The registry knows unit-a (in county-east); unit-x is unknown to it.
accidents.placeOf = (unitId) => ({ unitId, regionPath: unitId === 'unit-a' ? ['province', 'city', 'county-east'] : null, industryPath: null });
const { call } = useSpecApp(
  () => startAccidentApp(accidents),
  () => {
    accidents.started.length = 0;
  },
);

describe('POST /accidents', () => {
  it('grades the report, takes the region from the registry, starts the workflow with update-with-start and answers 201 with Location', async () => {
    const res = await call('POST', '/accidents', unitA, accidentReport);
    expect(res.status).toBe(201);
    const { accidentId, state } = res.body;
    expect(res.headers.get('location')).toBe(`/accidents/${accidentId}`);
    expect(res.body.registered).toBe(true);
    expect(state).toMatchObject({ accidentId, grade: 'larger', reachedBy: ['deaths'], openedFrom: 'unit_report', recordedBy: unitA });
    expect(state.report.regionId).toBe('county-east');
    const [start] = accidents.started;
    expect(start.workflowType).toBe('accidentWorkflow');
    expect(start.options).toMatchObject({ workflowId: `accident-${accidentId}`, taskQueue: 'duban', workflowIdConflictPolicy: 'FAIL' });
    const [input] = start.options.args as AccidentWorkflowInput[];
    expect(input).toEqual({
      accidentId,
      report: { ...accidentReport, regionId: 'county-east' },
      recorder: unitA,
      policy: STANDARD_ACCIDENT_POLICY,
      opening: { from: 'unit_report' },
    });
  });

  it('takes the region given (where it happened, not where the unit is registered), and counts no lives endangered when none are given', async () => {
    const { livesEndangered: _, ...withoutLives } = accidentReport;
    const away = await call('POST', '/accidents', office, { ...withoutLives, regionId: 'county-west' });
    expect(away.status).toBe(201);
    expect(away.body.state.report).toMatchObject({ unitId: 'unit-a', regionId: 'county-west', livesEndangered: 0 });
    const unknown = await call('POST', '/accidents', office, { ...accidentReport, unitId: 'unit-x', regionId: 'county-west' });
    expect(unknown.body.state.report).toMatchObject({ unitId: 'unit-x', regionId: 'county-west' });
  });

  it('refuses before starting anything, naming the field: region neither given nor in the registry, bad numbers, time order, another unit', async () => {
    const missing = await call('POST', '/accidents', office, { ...accidentReport, unitId: 'unit-x' });
    expect(missing).toMatchObject({ status: 400, body: { code: 'registry.reference.unknown', field: 'regionId' } });
    expect(missing.body.detail).toMatch(/unit-x is not in the registry/);
    const negative = await call('POST', '/accidents', office, { ...accidentReport, casualties: { ...accidentReport.casualties, deaths: -1 } });
    expect(negative).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'casualties.deaths' } });
    const fraction = await call('POST', '/accidents', office, {
      ...accidentReport,
      casualties: { ...accidentReport.casualties, directLossYuan: 1.5 },
    });
    expect(fraction).toMatchObject({ status: 400, body: { field: 'casualties.directLossYuan' } });
    const order = await call('POST', '/accidents', office, { ...accidentReport, occurredAt: '2026-03-02T07:00:00.000Z' });
    expect(order).toMatchObject({ status: 400, body: { code: 'accident.report.time_order', field: 'occurredAt' } });
    const kind = await call('POST', '/accidents', office, { ...accidentReport, kind: 'meteor' });
    expect(kind).toMatchObject({ status: 400, body: { field: 'kind' } });
    const other = await call('POST', '/accidents', unitB, accidentReport);
    expect(other).toMatchObject({ status: 403, body: { code: 'permission.own_unit_only' } });
    expect(accidents.started).toEqual([]);
  });
});
