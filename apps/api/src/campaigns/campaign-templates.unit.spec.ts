import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { HUNDRED_DAY_DRIVE_TEMPLATE, type CampaignTemplate } from '@duban/domain';
import type { CampaignWorkflowInput } from '@duban/workflows';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { useCampaignSpecApp, clone, launchBody, launchCampaign, NOW } from '../testing/campaign-spec-fixtures';

/** Campaign templates (专项行动模板): listing, posting (office only, checked in full, never overwritten), launching with one; and the OpenAPI document. */
const spec = useCampaignSpecApp();
const { world, call } = spec;

const launch = (body?: object) => launchCampaign(spec.api, body);

describe('campaign templates (专项行动模板)', () => {
  const custom = (): CampaignTemplate => ({ ...clone(HUNDRED_DAY_DRIVE_TEMPLATE), id: `drive-${randomUUID().slice(0, 8)}`, name: '区级百日行动' });

  it('lists the shipped templates and the posted ones', async () => {
    const res = await call('GET', '/campaign-templates', unitA);
    expect(res.status).toBe(200);
    expect(res.body.filter((e: { origin: string }) => e.origin === 'shipped')).toHaveLength(4);
    expect((await call('GET', '/campaign-templates/hundred-day-drive', inspector)).body).toMatchObject({
      origin: 'shipped',
      template: { id: 'hundred-day-drive' },
    });
    expect((await call('GET', '/campaign-templates/nope', inspector)).status).toBe(404);
  });

  it('refuses a bad template naming the field (phases[1].duration.amount), and unknown nested fields', async () => {
    const bad = custom();
    bad.phases[1].duration.amount = -3;
    const res = await call('POST', '/campaign-templates', office, bad);
    expect(res).toMatchObject({ status: 400, body: { field: 'phases[1].duration.amount' } });
    const typo = custom() as unknown as { reports: Array<Record<string, unknown>> };
    typo.reports[0].cutof = '17:00';
    expect(await call('POST', '/campaign-templates', office, typo)).toMatchObject({ status: 400, body: { field: 'reports[0].cutof' } });
    expect(await call('POST', '/campaign-templates', office, { ...custom(), color: 'red' })).toMatchObject({ status: 400, body: { field: 'color' } });
    expect(world.templates.rows.size).toBe(0);
  });

  it('is for the office only', async () => {
    expect((await call('POST', '/campaign-templates', inspector, custom())).status).toBe(403);
    expect((await call('POST', '/campaign-templates', unitA, custom())).status).toBe(403);
  });

  it('stores a good template (201), refuses its id again or a shipped id (409), and launches with it', async () => {
    const template = custom();
    const created = await call('POST', '/campaign-templates', office, template);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ origin: 'office', template, createdBy: office.id, createdAt: NOW.toISOString() });
    const again = await call('POST', '/campaign-templates', office, { ...template, name: 'other' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already in use/);
    const shipped = await call('POST', '/campaign-templates', office, { ...template, id: 'big-inspection' });
    expect(shipped.status).toBe(409);

    expect((await call('GET', `/campaign-templates/${template.id}`, auditor)).body).toMatchObject({
      origin: 'office',
      template: { id: template.id },
    });
    const id = await launch(launchBody({ templateId: template.id }));
    const [input] = world.started.at(-1)!.options.args as CampaignWorkflowInput[];
    expect(input.launch).toMatchObject({ campaignId: id, template });
  });
});

describe('OpenAPI', () => {
  it('documents the campaign routes with Chinese terms', async () => {
    const res = await call('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/campaign-templates',
        '/campaign-templates/{id}',
        '/campaigns',
        '/campaigns/{id}',
        '/campaigns/{id}/pause',
        '/campaigns/{id}/resume',
        '/campaigns/{id}/phase-extensions',
        '/campaigns/{id}/units',
        '/campaigns/{id}/units/{unitId}',
        '/campaigns/{id}/units/{unitId}/reports',
        '/campaigns/{id}/units/{unitId}/inspections',
        '/campaigns/{id}/units/{unitId}/findings',
        '/campaigns/{id}/close',
        '/campaigns/{id}/reports',
        '/campaigns/{id}/coverage',
        '/campaigns/{id}/targets',
        '/campaigns/{id}/hazards',
        '/campaigns/{id}/escalations',
        '/campaigns/{id}/summary',
        '/campaigns/{id}/events',
      ]),
    );
    const schemas = res.body.components.schemas;
    expect(schemas.ScopeUnitDto.properties.kind.description).toMatch(/enterprise 企业/);
    expect(schemas.CampaignStateView.properties.status.description).toMatch(/paused 已暂停/);
    expect(res.body.paths['/campaigns'].post.summary).toMatch(/发起专项行动/);
    const responses = res.body.paths['/campaigns'].post.responses;
    expect(responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LaunchCampaignResultView' });
    expect(responses['202'].description).toMatch(/已受理，待登记/);
    expect(responses['202'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/LaunchCampaignAcceptedView' });
    expect(schemas.LaunchCampaignAcceptedView.required).toEqual(expect.arrayContaining(['campaignId', 'registered', 'message']));
    expect(schemas.LaunchCampaignAcceptedView.properties.registered).toMatchObject({ type: 'boolean', enum: [false] });
    expect(schemas.LaunchCampaignResultView.properties.registered).toMatchObject({ type: 'boolean', enum: [true] });
  });
});
