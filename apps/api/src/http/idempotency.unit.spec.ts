import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { HUNDRED_DAY_DRIVE_TEMPLATE, IDEMPOTENCY_KEY_PATTERN, type Actor } from '@duban/domain';
import { EvidenceFiles, HazardLedgerReader, IdempotencyKeys, WorkCalendarYears } from '@duban/persistence';
import { InMemoryEvidence } from '../testing/in-memory-evidence';
import { InMemoryWorkCalendarYears } from '../testing/in-memory-work-calendar';
import { signAccessToken } from '../auth/access-token';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { buildOpenApiDocument } from '../configure-api-app';
import { HazardsModule } from '../hazards/hazards.module';
import { inspector, office, unitA } from '../testing/actors';
import { campaignWorldOverrides } from '../testing/campaign-spec-fixtures';
import { clone, FakeCampaignWorld } from '../testing/fake-campaign-world';
import { InMemoryIdempotencyKeys } from '../testing/in-memory-idempotency-keys';
import { InMemoryHazards, NOW, report, SECRET } from '../testing/in-memory-hazards';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { IdempotencyModule } from './idempotency.module';

/** Idempotency-Key over the fake Temporal: what the API derives and refuses. What Temporal and the workflows then do is the end-to-end tests' job. */
const hazards = new InMemoryHazards();
const campaigns = new FakeCampaignWorld();
const keys = new InMemoryIdempotencyKeys();
/** The update ids the API sent (with a start, and with an update): undefined when it let the SDK draw one. */
const updateIds: Array<string | undefined> = [];
const client = {
  workflow: {
    executeUpdateWithStart: (update: unknown, options: { updateId?: string } & Record<string, any>) => {
      updateIds.push(options.updateId);
      return hazards.client.workflow.executeUpdateWithStart(update, options as any);
    },
    getHandle: (workflowId: string) => {
      const handle = hazards.client.workflow.getHandle(workflowId);
      return {
        ...handle,
        executeUpdate: (update: any, options: { args: unknown[]; updateId?: string }) => (
          updateIds.push(options.updateId),
          handle.executeUpdate(update, options)
        ),
      };
    },
  },
};

let api: TestApp;
let campaignApi: TestApp;
beforeAll(async () => {
  api = await startTestApp({
    secret: SECRET,
    now: NOW,
    client,
    imports: [HazardsModule, IdempotencyModule],
    overrides: [
      [HazardLedgerReader, hazards.ledger],
      [IdempotencyKeys, keys],
      [WorkCalendarYears, new InMemoryWorkCalendarYears()],
      [EvidenceFiles, new InMemoryEvidence().files],
    ],
  });
  campaignApi = await startTestApp({
    secret: SECRET,
    now: NOW,
    client: campaigns.client,
    imports: [HazardsModule, CampaignsModule, IdempotencyModule],
    overrides: [...campaignWorldOverrides(campaigns), [IdempotencyKeys, keys], [EvidenceFiles, new InMemoryEvidence().files]],
  });
});
afterAll(async () => {
  await api?.close();
  await campaignApi?.close();
});
beforeEach(() => {
  hazards.started.length = 0;
  updateIds.length = 0;
});

/** One call as `actor`, with the Idempotency-Key header when `key` is given. */
async function send(
  method: string,
  path: string,
  actor: Actor,
  body?: unknown,
  key?: string,
  on: TestApp = api,
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${signAccessToken(actor, SECRET)}` };
  if (key !== undefined) headers['idempotency-key'] = key;
  const res = await fetch(`${on.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const startedIds = () => hazards.started.map((s) => s.options.workflowId);

describe('POST /hazards with an Idempotency-Key', () => {
  it('derives the hazard id from the caller, the key and the request: every retry starts the same workflow, joining it if it runs', async () => {
    const key = randomUUID();
    const answers = [];
    for (let n = 0; n < 3; n++) answers.push(await send('POST', '/hazards', inspector, report, n === 1 ? `"${key}"` : key));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const hazardId = answers[0].body.hazardId;
    expect(answers.map((a) => a.body.hazardId)).toEqual([hazardId, hazardId, hazardId]);
    expect(startedIds()).toEqual([`hazard-${hazardId}`, `hazard-${hazardId}`, `hazard-${hazardId}`]);
    expect(hazards.started[0].options).toMatchObject({ workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    expect(updateIds).toEqual([`idempotency:${hazardId}`, `idempotency:${hazardId}`, `idempotency:${hazardId}`]);
  });

  it('is the caller’s own key: the same key from another caller reports another hazard', async () => {
    const key = randomUUID();
    const first = await send('POST', '/hazards', inspector, report, key);
    const other = await send('POST', '/hazards', office, report, key);
    expect([first.status, other.status]).toEqual([201, 201]);
    expect(other.body.hazardId).not.toBe(first.body.hazardId);
  });

  it('refuses another report under a key already used with a 422 naming the key, and starts nothing', async () => {
    const key = randomUUID();
    expect((await send('POST', '/hazards', inspector, report, key)).status).toBe(201);
    hazards.started.length = 0;
    const other = await send('POST', '/hazards', inspector, { ...report, title: '另一处隐患' }, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      status: 422,
      title: 'Unprocessable Entity',
      code: 'idempotency.key_reused',
      field: 'Idempotency-Key',
      key,
      firstRequest: 'POST /hazards',
      firstSentAt: NOW.toISOString(),
    });
    expect(other.body.detail).toContain(`Idempotency-Key "${key}" was already used for another request (POST /hazards`);
    expect(hazards.started).toEqual([]);
  });

  it('refuses a malformed key with a 400 naming the header, before anything is claimed or started', async () => {
    const held = keys.held.size;
    const bad = await send('POST', '/hazards', inspector, report, 'not a key');
    expect(bad).toMatchObject({ status: 400, body: { code: 'idempotency.key_malformed', field: 'Idempotency-Key' } });
    expect(bad.body.detail).toContain('Idempotency-Key must be one key of 1 to 128 characters');
    expect(keys.held.size).toBe(held);
    expect(hazards.started).toEqual([]);
  });

  it('frees the key of a refused request (400), so that the corrected request may use it', async () => {
    const key = randomUUID();
    const refused = await send('POST', '/hazards', inspector, { ...report, deadline: '2026-03-01T00:00:00.000Z' }, key);
    expect(refused).toMatchObject({ status: 400, body: { field: 'deadline' } });
    expect((await send('POST', '/hazards', inspector, report, key)).status).toBe(201);
  });

  it('without the header, behaves as before: each report is a new hazard under a random id, started with conflict policy FAIL', async () => {
    const first = await send('POST', '/hazards', inspector, report);
    const second = await send('POST', '/hazards', inspector, report);
    expect(second.body.hazardId).not.toBe(first.body.hazardId);
    expect(hazards.started.map((s) => s.options.workflowIdConflictPolicy)).toEqual(['FAIL', 'FAIL']);
    expect(hazards.started[0].options).not.toHaveProperty('workflowIdReusePolicy');
    expect(updateIds).toEqual([undefined, undefined]);
  });
});

describe('actions with an Idempotency-Key', () => {
  it('send every retry of an action with the same update id, another request or caller with another, none without the header', async () => {
    const hazardId = (await send('POST', '/hazards', unitA, { ...report, grade: 'general', source: 'self_inspection' })).body.hazardId;
    const claimed = await send('POST', `/hazards/${hazardId}/completion`, unitA, { summary: '已现场整改', attachments: ['oss://a.jpg'] });
    expect(claimed.status).toBe(200);
    updateIds.length = 0;
    const key = randomUUID();
    const verify = { decision: 'reject', comment: '未见佐证' };
    expect((await send('POST', `/hazards/${hazardId}/verification`, inspector, verify, key)).status).toBe(200);
    // The fake applies the retry again (Temporal answers it from the first attempt), so the state refuses it:
    // a refused retry frees nothing, the key still holds its first request.
    expect((await send('POST', `/hazards/${hazardId}/verification`, inspector, verify, key)).status).toBe(409);
    expect((await send('POST', `/hazards/${hazardId}/verification`, inspector, { ...verify, comment: '再次驳回' }, key)).status).toBe(422);
    expect(updateIds).toHaveLength(2);
    expect(updateIds[0]).toMatch(/^idempotency:[0-9a-f-]{36}$/);
    expect(updateIds[1]).toBe(updateIds[0]);
  });

  it('ignore the header on reads, even a malformed one', async () => {
    expect((await send('GET', '/hazards', office, undefined, 'not a key')).status).toBe(200);
  });
});

describe('POST /campaign-templates with an Idempotency-Key', () => {
  it('answers a retry with the template its first attempt stored; without a key, or for another template, the id in use is a 409 as before', async () => {
    const template = { ...clone(HUNDRED_DAY_DRIVE_TEMPLATE), id: `drive-${randomUUID().slice(0, 8)}`, name: '区级百日行动' };
    const key = randomUUID();
    const first = await send('POST', '/campaign-templates', office, template, key, campaignApi);
    const retry = await send('POST', '/campaign-templates', office, template, key, campaignApi);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect((await send('POST', '/campaign-templates', office, template, undefined, campaignApi)).status).toBe(409);
    expect((await send('POST', '/campaign-templates', office, { ...template, name: '另一个模板' }, randomUUID(), campaignApi)).status).toBe(409);
    expect((await send('POST', '/campaign-templates', { ...office, id: 'o-2' }, template, randomUUID(), campaignApi)).status).toBe(409);
  });
});

describe('the OpenAPI document', () => {
  it('declares the header, its syntax and its 422 on every write operation, and on no read', () => {
    const document = buildOpenApiDocument(campaignApi.app);
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, any>)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method, operation })),
    );
    const header = (operation: any) => (operation.parameters ?? []).find((p: any) => p.in === 'header' && p.name === 'Idempotency-Key');
    const writes = operations.filter((o) => o.method !== 'get');
    expect(writes.length).toBeGreaterThanOrEqual(20);
    for (const { name, operation } of writes) {
      expect(header(operation), name).toMatchObject({
        required: false,
        schema: { type: 'string', maxLength: 130, pattern: IDEMPOTENCY_KEY_PATTERN },
      });
      expect(operation.responses['422']?.description, name).toContain('Idempotency-Key');
    }
    for (const { name, operation } of operations.filter((o) => o.method === 'get')) expect(header(operation), name).toBeUndefined();
    expect(header(writes[0].operation).description).toContain('24 hours');
  });
});
