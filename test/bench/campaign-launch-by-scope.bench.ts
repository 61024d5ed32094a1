import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_MONTH_TEMPLATE, type RegionRecord, type UnitRecord } from '@duban/domain';
import { RegistryReader, RegistryWriter, type RegistryWrite } from '@duban/persistence';
import { campaignWorkflowId } from '@duban/workflows';
import { readRegistryRoster, type RegistryRosterReads } from '../../apps/api/src/campaigns/registry-roster';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { office } from '../support/hazard-fixtures';
import { reportFigure } from './bench-figures';

/**
 * 发起专项行动 by scope over 3,000 registry units (单位库) against the same launch with the roster
 * in the body, through the HTTP API on the real dev server and PostgreSQL, in the same run: the
 * ratio is the figure to watch. Where the scope's time goes is measured apart: the SQL scope
 * query and the names read (what the launch adds), against the launch itself (validation,
 * workflow start, the roster written to the ledger before the 201).
 */
const UNITS = Number(process.env.DUBAN_BENCH_SCOPE_UNITS ?? 3000);
/** Rounds of (by scope, in the body); each launch is closed and settled before the next, which takes minutes at 3,000 units. */
const ROUNDS = Number(process.env.DUBAN_BENCH_SCOPE_ROUNDS ?? 1);
const COUNTIES = 3;
const TOWNS_PER_COUNTY = 10;
const SECRET = 'bench-launch-by-scope';
const run = randomUUID().slice(0, 8);
const id = (suffix: string) => `b${run}-${suffix}`;

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET, { registrationTimeoutMs: 600_000 });
});
afterAll(async () => api?.close());

const region = (suffix: string, name: string, level: RegionRecord['level'], parent: string | null): RegionRecord => ({
  id: id(suffix),
  name,
  level,
  parentId: parent === null ? null : id(parent),
  code: null,
});

/** A province's city with 3 counties of 10 towns each, 2 industries, and `count` enterprises spread over the towns. */
function registryWrites(count: number): RegistryWrite[] {
  const regions = [region('province', '基准省', 'province', null), region('city', '基准市', 'city', 'province')];
  for (let c = 0; c < COUNTIES; c++) {
    regions.push(region(`c${c}`, `基准${c}区`, 'county', 'city'));
    for (let t = 0; t < TOWNS_PER_COUNTY; t++) regions.push(region(`c${c}t${t}`, `基准${c}区${t}街道`, 'town', `c${c}`));
  }
  const towns = regions.filter((r) => r.level === 'town');
  const industries = ['chem', 'build'].map((suffix, i) => ({ id: id(suffix), name: ['危险化学品', '建筑施工'][i]!, parentId: null }));
  const units: UnitRecord[] = Array.from({ length: count }, (_, i) => ({
    id: id(`u${String(i).padStart(5, '0')}`),
    name: `基准企业${i}`,
    kind: 'enterprise',
    regionId: towns[i % towns.length]!.id,
    industryId: industries[i % industries.length]!.id,
    enterpriseKind: 'ordinary',
    status: 'producing',
    licensed: true,
    creditCode: null,
  }));
  return [
    ...regions.map((record) => ({ kind: 'region', op: 'put', record }) as const),
    ...industries.map((record) => ({ kind: 'industry', op: 'put', record }) as const),
    ...units.map((record) => ({ kind: 'unit', op: 'put', record }) as const),
  ];
}

/** The registry reads, each timed (what the launch by scope adds to a launch). */
function timedReads(reader: RegistryReader): RegistryRosterReads & { ms: Record<string, number> } {
  const ms: Record<string, number> = { scope: 0, regions: 0, industries: 0 };
  const timed =
    <A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await read(...args);
      } finally {
        ms[name]! += performance.now() - started;
      }
    };
  return {
    ms,
    scope: timed('scope', reader.scope.bind(reader)),
    regions: timed('regions', reader.regions.bind(reader)),
    industries: timed('industries', reader.industries.bind(reader)),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe(`launching a campaign by scope over ${UNITS} registry units`, () => {
  it('resolves them through the SQL scope query; prints the time against the same roster in the body, and where it goes', async () => {
    const { dataSource } = api.dev;
    const startsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const seedStarted = performance.now();
    await new RegistryWriter(dataSource).writeRegistryBatch(registryWrites(UNITS), { actor: office, reason: '基准测试', at: new Date() });
    const seedMs = performance.now() - seedStarted;
    const selector = { regionIds: [id('city')] };

    // The resolution alone, as the launch runs it (warm: the median of 3).
    const resolutions = Array.from({ length: 3 }, () => ({ reads: timedReads(new RegistryReader(dataSource)), totalMs: 0 }));
    let roster!: Awaited<ReturnType<typeof readRegistryRoster>>;
    for (const r of resolutions) {
      const started = performance.now();
      roster = await readRegistryRoster(r.reads, selector, new Date(startsAt));
      r.totalMs = performance.now() - started;
    }
    expect(roster.units).toHaveLength(UNITS);
    expect(roster.regions).toHaveLength(COUNTIES * TOWNS_PER_COUNTY);
    const resolveMs = median(resolutions.map((r) => r.totalMs));
    const scopeQueryMs = median(resolutions.map((r) => r.reads.ms.scope!));
    const namesMs = median(resolutions.map((r) => Math.max(r.reads.ms.regions!, r.reads.ms.industries!)));

    const head = { templateId: SAFETY_MONTH_TEMPLATE.id, startsAt, scope: { leadLeader: '分管副市长 基准', leadDepartment: '市应急管理局' } };
    let launches = 0;
    /** One launch, timed to its 201 (the roster in the ledger); then closed and settled, so launches never share the machine. */
    const launch = async (scope: object): Promise<number> => {
      const started = performance.now();
      const res = await api.call(office, 'POST', '/campaigns', { ...head, name: `基准 ${run} #${++launches}`, scope: { ...head.scope, ...scope } });
      const ms = performance.now() - started;
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
      const campaignId: string = res.body.campaignId;
      expect((await api.call(office, 'POST', `/campaigns/${campaignId}/close`, { reason: '基准测试结束' })).status).toBe(200);
      await api.dev.client.workflow.getHandle(campaignWorkflowId(campaignId)).result();
      for (;;) {
        const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM campaign_unit WHERE campaign_id = $1 AND status = 'active'`, [
          campaignId,
        ]);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      return ms;
    };

    const body = {
      regions: roster.regions,
      industries: roster.industries,
      units: roster.units.map(({ regionPath: _path, ...unit }) => unit),
    };
    // A small launch first warms the API, the worker and the connections; then each round launches
    // both ways (A B, then B A in the next round, so drift over the run cancels out), printing as it goes.
    await launch({ ...body, units: body.units.slice(0, 10) });
    const byScopeRuns: number[] = [];
    const inBodyRuns: number[] = [];
    const byScope = async () => {
      byScopeRuns.push(await launch({ selector }));
      console.log(`launch by scope over ${UNITS} units: ${byScopeRuns.at(-1)!.toFixed(0)} ms to the 201`);
    };
    const inBody = async () => {
      inBodyRuns.push(await launch(body));
      console.log(`launch with ${UNITS} units in the body: ${inBodyRuns.at(-1)!.toFixed(0)} ms to the 201`);
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) await byScope().then(inBody);
      else await inBody().then(byScope);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const byScopeMs = mean(byScopeRuns);
    const inBodyMs = mean(inBodyRuns);

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const runs = (values: number[]) => values.map(s).join(', ');
    console.log(
      [
        `campaign launch over ${UNITS} units, timed to the 201 (roster in the ledger) — dev server + PostgreSQL, 2 cores shared`,
        `  registry seeded with ${UNITS} units (writeRegistryBatch, 1 transaction) in ${s(seedMs)}`,
        `  roster in the body:            ${s(inBodyMs)} mean (${runs(inBodyRuns)})`,
        `  by scope (单位库筛选):          ${s(byScopeMs)} mean (${runs(byScopeRuns)})`,
        `  ratio by scope / in the body:  ${(byScopeMs / inBodyMs).toFixed(2)}×`,
        `  where the scope's time goes: resolve ${resolveMs.toFixed(0)} ms (SQL scope query ${scopeQueryMs.toFixed(0)} ms, regions + industries names ${namesMs.toFixed(0)} ms, roster built ${Math.max(0, resolveMs - scopeQueryMs - namesMs).toFixed(0)} ms)`,
        `    = ${((resolveMs / byScopeMs) * 100).toFixed(0)}% of the launch by scope; the rest is the launch itself (validation, workflow start, roster written before the 201), as in the body launch`,
      ].join('\n'),
    );
    reportFigure({
      bench: 'campaign-launch-by-scope',
      figure: `${UNITS}-unit launch to the 201, by scope vs the roster in the body`,
      unit: 's',
      product: byScopeMs / 1000,
      baseline: inBodyMs / 1000,
      ratio: byScopeMs / inBodyMs,
    });
  }, 3_600_000);
});
