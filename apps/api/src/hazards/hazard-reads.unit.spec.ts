import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import type { HazardLedgerRow } from '@duban/persistence';
import { auditor, office, unitA, unitB } from '../testing/actors';
import { useHazardSpecApp, reportSampleHazard } from '../testing/in-memory-hazards';

/** Reads of the hazard ledger (a unit token: its own unit only), and the OpenAPI document. */
const spec = useHazardSpecApp();
const { hazards, call } = spec;

const reportHazard = (as?: Actor, overrides?: object) => reportSampleHazard(spec.api, as, overrides);

describe('reads', () => {
  it('GET /hazards/:id gives the workflow state and the ledger row; another unit gets 403', async () => {
    const id = await reportHazard();
    const res = await call('GET', `/hazards/${id}`, auditor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stateSource: 'workflow', state: { hazardId: id }, ledger: { hazardId: id, unitId: 'unit-a' } });
    expect((await call('GET', `/hazards/${id}`, unitB)).status).toBe(403);
  });

  it("GET /hazards forces a unit's own unit and passes the filters", async () => {
    const mine = await call('GET', '/hazards?grade=major', unitA);
    expect(mine.status).toBe(200);
    expect(hazards.listFilters.at(-1)).toMatchObject({ bounds: { unitId: 'unit-a' }, grade: 'major' });
    expect(mine.body.items.every((row: HazardLedgerRow) => row.unitId === 'unit-a')).toBe(true);
    expect((await call('GET', '/hazards?unitId=unit-a', unitB)).status).toBe(403);
    const office_ = await call('GET', '/hazards?overdue=true&listed=false&limit=10&offset=5&industry=%E5%BB%BA%E7%AD%91%E6%96%BD%E5%B7%A5', office);
    expect(office_.status).toBe(200);
    expect(hazards.listFilters.at(-1)).toEqual({
      bounds: {},
      industry: '建筑施工',
      grade: undefined,
      status: undefined,
      overdue: true,
      listedForSupervision: false,
      campaignId: undefined,
      limit: 10,
      offset: 5,
    });
    const bad = await call('GET', '/hazards?overdue=maybe', office);
    expect(bad).toMatchObject({ status: 400, body: { field: 'overdue' } });
  });
});

describe('OpenAPI', () => {
  it('serves the document at /docs-json with bearer auth and Chinese terms', async () => {
    const res = await call('GET', '/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/hazards',
        '/hazards/escalations',
        '/hazards/summary',
        '/hazards/{id}',
        '/hazards/{id}/events',
        '/hazards/{id}/plan',
        '/hazards/{id}/progress',
        '/hazards/{id}/completion',
        '/hazards/{id}/verification',
        '/hazards/{id}/extension-requests',
        '/hazards/{id}/extension-decision',
        '/hazards/{id}/monitoring',
        '/hazards/{id}/monitoring-reports',
      ]),
    );
    const grade = doc.components.schemas.ReportHazardDto.properties.grade;
    expect(grade.enum).toEqual(['general', 'major']);
    expect(grade.description).toMatch(/general 一般隐患 \| major 重大隐患/);
    expect(doc.components.schemas.ReportHazardDto.properties.deadline.description).toMatch(/^整改期限 \(rectification deadline/);
    expect(doc.components.schemas.HazardStateView.properties.status.description).toMatch(/signed_off 已销号/);
    const responses = doc.paths['/hazards'].post.responses;
    expect(responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ReportHazardResultView' });
    expect(responses['202'].description).toMatch(/已受理，待登记/);
    expect(responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ReportHazardAcceptedView' });
    expect(doc.components.schemas.ReportHazardAcceptedView.required).toEqual(expect.arrayContaining(['hazardId', 'registered', 'message']));
    expect(doc.components.schemas.ReportHazardAcceptedView.properties.registered).toMatchObject({ type: 'boolean', enum: [false] });
    expect(doc.components.schemas.ReportHazardResultView.properties.registered).toMatchObject({ type: 'boolean', enum: [true] });
  });
});
