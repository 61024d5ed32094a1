import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { CAMPAIGN_LEVEL_UNIT_ID } from '@duban/persistence';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { INDUSTRIES, REGIONS } from '../support/campaign-fixtures';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/dev-server';
import { DAY_MS, fiveInPlacePlan, inspector, office } from '../support/hazard-fixtures';

/**
 * Retries under an Idempotency-Key through the whole product — HTTP API → Temporal dev server →
 * worker → PostgreSQL — with connections dropped before the answer, as a client on a bad
 * network sees them.
 */
const SECRET = 'e2e-idempotency-secret';
const run = randomUUID().slice(0, 8);
const unit: Actor = { id: 'li', name: 'C建设公司 李经理', role: 'unit', unitId: `unit-idem-${run}` };

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
});
afterAll(async () => api?.close());

function reportBody(title: string) {
  return {
    title,
    description: '脚手架连墙件缺失',
    location: '1号楼',
    industry: '建筑施工',
    unitId: unit.unitId,
    grade: 'general',
    source: 'inspection',
    finder: '张工',
    deadline: new Date(Date.now() + 30 * DAY_MS).toISOString(),
  };
}

function headers(actor: Actor, key?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${signAccessToken(actor, SECRET)}`,
    ...(key === undefined ? {} : { 'idempotency-key': key }),
  };
}

/** One call with the Idempotency-Key header (none when `key` is undefined); the JSON body parsed. */
async function send(actor: Actor, path: string, body: unknown, key?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: headers(actor, key), body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Writes the whole request on a raw socket and closes it at once, before any answer can arrive: a dropped connection. */
function sendAndDrop(actor: Actor, path: string, body: unknown, key: string): Promise<void> {
  const url = new URL(api.baseUrl);
  const payload = JSON.stringify(body);
  const head = Object.entries({ ...headers(actor, key), host: url.host, 'content-length': String(Buffer.byteLength(payload)) }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  const request = [`POST ${path} HTTP/1.1`, ...head, '', payload].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () =>
      socket.write(request, () => {
        socket.destroy();
        resolve();
      }),
    );
    socket.on('data', () => reject(new Error('an answer arrived before the connection was dropped')));
    socket.on('error', reject);
  });
}

const count = async (sql: string, params: unknown[]) =>
  (await api.dev.dataSource.query(`select count(*)::int as n from ${sql}`, params))[0].n as number;
const hazardsTitled = (title: string) => count('hazard_ledger where title = $1', [title]);
const eventsOf = (hazardId: string, type: string) => count('hazard_event where hazard_id = $1 and type = $2', [hazardId, type]);

describe('Idempotency-Key through the real API, Temporal and PostgreSQL', () => {
  it('the same POST /hazards sent 5 times, connections dropped in between: one hazard, one ledger row, one reported event', async () => {
    const title = `储罐区报警器失效 ${run}`;
    const key = randomUUID();
    const body = reportBody(title);

    // 1: dropped before the answer; 2: a retry while the first is still in flight.
    const [, second] = await Promise.all([sendAndDrop(inspector, '/hazards', body, key), send(inspector, '/hazards', body, `"${key}"`)]);
    expect(second.status).toBe(201);
    const { hazardId } = second.body;
    // 3: dropped again, after the hazard exists; 4 and 5: retries answered in full.
    await sendAndDrop(inspector, '/hazards', body, key);
    const rest = [await send(inspector, '/hazards', body, key), await send(inspector, '/hazards', { ...body }, key)];
    expect(rest.map((r) => [r.status, r.body.hazardId, r.body.state.status])).toEqual([
      [201, hazardId, 'awaiting_plan'],
      [201, hazardId, 'awaiting_plan'],
    ]);

    expect(await hazardsTitled(title)).toBe(1);
    expect(await count('hazard_ledger where hazard_id = $1', [hazardId])).toBe(1);
    expect(await eventsOf(hazardId, 'reported')).toBe(1);
    // One workflow run: every retry joined the run the first attempt started.
    const workflow = await api.dev.client.workflow.getHandle(`hazard-${hazardId}`).describe();
    expect(workflow.runId).toBe(workflow.raw.workflowExecutionInfo?.firstRunId);
  });

  it('the same progress report sent 5 times, connections dropped in between: one progress event; another body under that key is a 422 naming it', async () => {
    const created = await send(inspector, '/hazards', reportBody(`临边防护缺失 ${run}`), randomUUID());
    const { hazardId } = created.body;
    expect((await send(unit, `/hazards/${hazardId}/plan`, fiveInPlacePlan(Date.now() + 20 * DAY_MS), randomUUID())).status).toBe(200);

    const key = randomUUID();
    const progress = { text: '已补设连墙件 12 处', percentComplete: 50, attachments: ['oss://photos/idem-1.jpg'] };
    const path = `/hazards/${hazardId}/progress`;
    await sendAndDrop(unit, path, progress, key);
    // The dropped attempt was carried out: its event is recorded although nobody heard the answer.
    await eventually(async () => (await eventsOf(hazardId, 'progress_reported')) === 1);
    const answers = [await send(unit, path, progress, key)];
    await sendAndDrop(unit, path, progress, key);
    answers.push(await send(unit, path, progress, key), await send(unit, path, progress, `"${key}"`));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.body.events.map((e: any) => [e.seq, e.type]))).toEqual(Array(3).fill([[3, 'progress_reported']]));
    expect(answers.every((a) => a.body.state.progressReportCount === 1)).toBe(true);
    expect(await eventsOf(hazardId, 'progress_reported')).toBe(1);

    const other = await send(unit, path, { ...progress, percentComplete: 80 }, key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ status: 422, code: 'idempotency.key_reused', field: 'Idempotency-Key', key, firstRequest: `POST ${path}` });
    expect(other.body.detail).toContain(`Idempotency-Key "${key}"`);
    expect(await eventsOf(hazardId, 'progress_reported')).toBe(1);
  });

  it('retries after the 销号 closed the hazard’s workflow get their first answers again, not a 409', async () => {
    const report = reportBody(`现场整改 ${run}`);
    const reportKey = randomUUID();
    const reported = await send(inspector, '/hazards', report, reportKey);
    const { hazardId } = reported.body;
    expect((await send(unit, `/hazards/${hazardId}/completion`, { summary: '已现场整改', attachments: ['oss://a.jpg'] })).status).toBe(200);
    const key = randomUUID();
    const accept = { decision: 'accept', comment: '复查合格，同意销号' };
    const first = await send(inspector, `/hazards/${hazardId}/verification`, accept, key);
    expect([first.status, first.body.state.status]).toEqual([200, 'signed_off']);
    await eventually(async () => (await api.dev.client.workflow.getHandle(`hazard-${hazardId}`).describe()).status.name === 'COMPLETED');
    const retry = await send(inspector, `/hazards/${hazardId}/verification`, accept, key);
    expect(retry).toEqual(first);
    expect(await eventsOf(hazardId, 'signed_off')).toBe(1);
    // And the report itself, retried now: not a second hazard, nor a 409 — the answer it had.
    expect(await send(inspector, '/hazards', report, reportKey)).toEqual(reported);
    expect(await eventsOf(hazardId, 'reported')).toBe(1);
  });

  it('a template posted, a campaign launched, a unit inspected and the campaign closed, each sent again with a connection dropped: each done once', async () => {
    const site = { unitId: `cu-idem-${run}`, name: '单位idem', kind: 'enterprise' as const, regionId: REGIONS[0].id, industryId: INDUSTRIES[0].id };
    const template = {
      id: `idem-sweep-${run}`,
      name: '幂等测试排查 (idempotency test sweep)',
      kind: 'custom',
      description: 'One long phase, no reports: only what the test sends happens.',
      source: 'test fixture',
      phases: [{ id: 'whole', name: '全程', duration: { amount: 30, unit: 'days' }, deliverables: [] }],
      reports: [],
      targets: [],
      coverage: { regions: true, units: true, industries: true },
      checkItems: [{ id: 'scaffold', text: '脚手架搭设' }],
      activities: [],
      inspectionTiers: [{ id: 'county', name: '县区排查' }],
      escalation: [{ id: 'remind', instrument: 'reminder', afterMissed: 1 }],
    };
    // A create answers 201, an action on what exists 200.
    const sendTwiceDroppingOne = async (actor: Actor, path: string, body: unknown, status = 201) => {
      const key = randomUUID();
      const [, answer] = await Promise.all([sendAndDrop(actor, path, body, key), send(actor, path, body, key)]);
      const again = await send(actor, path, body, key);
      expect([answer.status, again.status]).toEqual([status, status]);
      return [answer.body, again.body];
    };

    const [posted, postedAgain] = await sendTwiceDroppingOne(office, '/campaign-templates', template);
    expect(postedAgain).toEqual(posted);
    expect(await count('campaign_template where template_id = $1', [template.id])).toBe(1);

    const name = `幂等排查 ${run}`;
    const launch = {
      name,
      templateId: template.id,
      scope: { regions: REGIONS, industries: INDUSTRIES, units: [site], leadLeader: '分管副市长 王', leadDepartment: '市应急管理局' },
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
    };
    const [launched, launchedAgain] = await sendTwiceDroppingOne(office, '/campaigns', launch);
    const { campaignId } = launched;
    expect(launchedAgain.campaignId).toBe(campaignId);
    expect(await count('campaign where name = $1', [name])).toBe(1);
    expect(await count(`campaign_event where campaign_id = $1 and type = 'launched'`, [campaignId])).toBe(1);

    const unitPath = `/campaigns/${campaignId}/units/${site.unitId}`;
    await eventually(async () => (await api.call(office, 'GET', `/campaigns/${campaignId}/units`)).body?.items?.[0]?.status === 'active');
    const [inspected, inspectedAgain] = await sendTwiceDroppingOne(
      inspector,
      `${unitPath}/inspections`,
      {
        tierId: 'county',
        checkItemIds: ['scaffold'],
        note: '县区排查',
      },
      200,
    );
    expect(inspectedAgain.events).toEqual(inspected.events);
    expect(await count(`campaign_event where campaign_id = $1 and unit_id = $2 and type = 'inspection_recorded'`, [campaignId, site.unitId])).toBe(1);

    const [closed, closedAgain] = await sendTwiceDroppingOne(office, `/campaigns/${campaignId}/close`, { reason: '测试结束' }, 200);
    expect(closedAgain.events).toEqual(closed.events);
    expect(await count(`campaign_event where campaign_id = $1 and type = 'closed' and unit_id = $2`, [campaignId, CAMPAIGN_LEVEL_UNIT_ID])).toBe(1);
  });

  it('without the header, behaves as before: a resent report is a second hazard, a resent progress report a second event', async () => {
    const title = `配电箱未接地 ${run}`;
    const first = await send(inspector, '/hazards', reportBody(title));
    const second = await send(inspector, '/hazards', reportBody(title));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.hazardId).not.toBe(first.body.hazardId);
    expect(await hazardsTitled(title)).toBe(2);

    const { hazardId } = first.body;
    expect((await send(unit, `/hazards/${hazardId}/plan`, fiveInPlacePlan(Date.now() + 20 * DAY_MS))).status).toBe(200);
    const progress = { text: '已接地', percentComplete: 100 };
    expect((await send(unit, `/hazards/${hazardId}/progress`, progress)).status).toBe(200);
    expect((await send(unit, `/hazards/${hazardId}/progress`, progress)).status).toBe(200);
    expect(await eventsOf(hazardId, 'progress_reported')).toBe(2);
  });

  it('refuses a malformed key with a 400 naming the header, and records nothing', async () => {
    const title = `坏键 ${run}`;
    const bad = await send(inspector, '/hazards', reportBody(title), 'two words');
    expect(bad).toMatchObject({ status: 400, body: { code: 'idempotency.key_malformed', field: 'Idempotency-Key' } });
    expect(await hazardsTitled(title)).toBe(0);
  });
});
