import { beforeAll, describe, expect, it } from 'vitest';
import {
  foldAccidentOpening,
  openAccidentFile,
  openAccountabilityAction,
  recordActionTaken,
  markActionOverdue,
  reviewAccidentRecord,
  seedCityControlIndicators,
  STANDARD_ACCIDENT_POLICY,
  type AccidentReport,
  type Actor,
} from '@duban/domain';
import { AccidentLedgerWriter } from '../accident/accident-ledger-writer';
import { RegistryWriter } from '../registry/registry-writer';
import { change, sampleTree } from '../registry/testing/registry-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { AccidentRecordReader, controlIndicatorOf } from './accident-record-reader';
import { AccidentRecordWriter } from './accident-record-writer';

const office: Actor = { id: 'o1', name: '市安委办 李主任', role: 'office' };
const unit: Actor = { id: 'u1', name: '事故企业 王总', role: 'unit', unitId: 'ent' };

function report(occurredAt: string, regionId: string, casualties: AccidentReport['casualties']): AccidentReport {
  return {
    occurredAt,
    regionId,
    location: '车间',
    unitId: 'ent',
    industry: '危险化学品',
    sector: 'industry_trade',
    kind: 'collapse',
    casualties,
    livesEndangered: 0,
    account: '坍塌',
    reporter: '王总',
    reportedAt: occurredAt,
  };
}

describe('the accident record on PostgreSQL', () => {
  const db = useLedgerDatabase('accident_record');
  const t = sampleTree('ar');
  let reader: AccidentRecordReader;
  let writer: AccidentRecordWriter;
  beforeAll(async () => {
    reader = new AccidentRecordReader(db.dataSource);
    writer = new AccidentRecordWriter(db.dataSource);
    await new RegistryWriter(db.dataSource).writeRegistryBatch(
      [t.province, t.city, t.county, t.town].map((record) => ({ kind: 'region', op: 'put', record }) as const),
      change(0, '首次登记'),
    );
    const ledger = new AccidentLedgerWriter(db.dataSource);
    const open = (id: string, r: AccidentReport, policy = STANDARD_ACCIDENT_POLICY) =>
      ledger.record(foldAccidentOpening(openAccidentFile(id, r, unit, policy, new Date(r.occurredAt))));
    // 1 January 01:00 in Beijing is still 31 December in UTC: the accident is 2026's.
    await open('new-year', report('2025-12-31T17:00:00.000Z', t.town.id, { deaths: 2, missing: 1, seriousInjuries: 0, directLossYuan: 0 }));
    await open('no-missing', report('2026-03-01T02:00:00.000Z', t.town.id, { deaths: 2, missing: 1, seriousInjuries: 0, directLossYuan: 0 }), {
      ...STANDARD_ACCIDENT_POLICY,
      grading: { ...STANDARD_ACCIDENT_POLICY.grading, missingCountAsDeaths: false },
    });
    await open('last-year', report('2025-12-31T15:00:00.000Z', 'elsewhere', { deaths: 1, missing: 0, seriousInjuries: 0, directLossYuan: 0 }));
  });

  it('reads a China calendar year’s accidents, deaths counted as each accident’s own policy grades them', async () => {
    const facts = await reader.accidentFacts(2026);
    expect(facts.map((f) => [f.accidentId, f.day, f.deaths, f.grade])).toEqual([
      ['new-year', '2026-01-01', 3, 'larger'],
      ['no-missing', '2026-03-01', 2, 'general'],
    ]);
    expect((await reader.accidentFacts(2025)).map((f) => f.accidentId)).toEqual(['last-year']);
  });

  it('places a region in its county, city and province along the registry’s parent chain', async () => {
    expect(await reader.territories([t.town.id, t.county.id, 'unknown'])).toEqual({
      [t.town.id]: { county: t.county.id, city: t.city.id, province: t.province.id },
      [t.county.id]: { county: t.county.id, city: t.city.id, province: t.province.id },
    });
    expect(await reader.territories([])).toEqual({});
  });

  it('sets a region’s caps for a year as a whole: a later set replaces the earlier one, with who, when and why', async () => {
    const [all, trade, larger] = seedCityControlIndicators(t.city.id, 2026);
    await writer.putIndicators({
      regionId: t.city.id,
      year: 2026,
      indicators: [all, trade, larger],
      setBy: office,
      reason: '年度目标',
      at: change(1).at,
    });
    await writer.putIndicators({
      regionId: t.city.id,
      year: 2026,
      indicators: [{ ...all, cap: 40 }, trade],
      setBy: office,
      reason: '调整',
      at: change(2).at,
    });
    const rows = await reader.indicators(2026, t.city.id);
    expect(rows.map((r) => [r.id, r.cap, r.reason, r.setBy.name])).toEqual([
      [all.id, 40, '调整', office.name],
      [trade.id, 6, '调整', office.name],
    ]);
    expect(controlIndicatorOf(rows[1])).toEqual(trade);
    expect(await reader.indicators(2027, t.city.id)).toEqual([]);
    await expect(
      writer.putIndicators({ regionId: 'other', year: 2026, indicators: [all], setBy: office, reason: 'x', at: new Date() }),
    ).rejects.toThrow(/is for/);
  });

  it('keeps every set put as a revision, with the office’s warning shares; the same put sent again changes nothing', async () => {
    const [all] = seedCityControlIndicators(t.city.id, 2030);
    const put = (cap: number, reason: string) =>
      writer.putIndicators({
        regionId: t.city.id,
        year: 2030,
        indicators: [{ ...all, year: 2030, id: `${t.city.id}:2030:deaths-all`, cap, warnAt: [0.5, 0.9] }],
        setBy: office,
        reason,
        at: change(3).at,
      });
    expect(await put(49, '年度目标')).toEqual({ revision: 1, changed: true });
    expect(await put(49, '年度目标')).toEqual({ revision: 1, changed: false });
    expect(await put(45, '市政府调整')).toEqual({ revision: 2, changed: true });
    const [row] = await reader.indicators(2030, t.city.id);
    expect(row).toMatchObject({ cap: 45, warnAt: [0.5, 0.9], reason: '市政府调整' });
    const revisions = await reader.revisions(t.city.id, 2030);
    expect(revisions.map((r) => [r.revision, r.indicators[0]?.cap, r.reason, r.setBy.name])).toEqual([
      [2, 45, '市政府调整', office.name],
      [1, 49, '年度目标', office.name],
    ]);
  });

  it('records a review idempotently: one check per indicator and month, a firing once, its obligation only moving forward', async () => {
    const facts = [
      ...(await reader.accidentFacts(2026)),
      { ...(await reader.accidentFacts(2026))[0], accidentId: 'second', day: '2026-02-02', occurredAt: '2026-02-02T02:00:00.000Z' },
    ];
    const territories = await reader.territories([t.town.id]);
    const indicators = seedCityControlIndicators(t.city.id, 2026);
    const review = reviewAccidentRecord({ facts, territories, indicators }, '2026-03');
    const found = new Date('2026-04-01T00:00:00.000Z');
    const firings = review.firings.map((firing) => ({ firing, action: openAccountabilityAction(firing, found) }));
    const opened = { status: 'open', openedAt: found.toISOString(), due: firings[0].action.due };
    expect(await writer.recordReview({ checks: review.checks, firings, checkedAt: found })).toEqual({
      [`county-two-larger-summons:${t.county.id}:2026:any`]: opened,
      [`county-repeat-kind-stricter:${t.county.id}:2026:collapse`]: opened,
    });
    // A later run finds the same firings: they keep the obligation they opened with.
    const later = new Date(found.getTime() + 1000);
    const again = review.firings.map((firing) => ({ firing, action: openAccountabilityAction(firing, later) }));
    expect(Object.values(await writer.recordReview({ checks: review.checks, firings: again, checkedAt: later }))).toEqual([opened, opened]);
    const checks = await reader.checks({ regionId: t.city.id, month: '2026-03' });
    expect(checks.map((c) => [c.indicatorId, c.used, c.status, c.accidentIds.length])).toEqual([
      [`${t.city.id}:2026:deaths-all`, 8, 'within', 3],
      [`${t.city.id}:2026:deaths-industry-trade`, 8, 'breach', 3],
      [`${t.city.id}:2026:larger-accidents`, 2, 'breach', 2],
    ]);
    expect(checks[1]).toMatchObject({
      share: 8 / 6,
      breach: { instrument: 'accountability', veto: true },
      checkedAt: new Date(found.getTime() + 1000).toISOString(),
    });

    const summons = firings[0].action;
    await writer.recordAction(markActionOverdue(summons, new Date(summons.due)));
    const done = recordActionTaken(summons, { actor: office, heldAt: found.toISOString(), minutes: '约谈纪要' }, new Date(found.getTime() + 5000));
    await writer.recordAction(done);
    await writer.recordAction(summons); // a late retry of an older state changes nothing
    const [row] = (await reader.firings({ territoryId: t.county.id, year: 2026 })).filter((f) => f.firingKey === summons.firingKey);
    expect(row).toMatchObject({
      status: 'done',
      minutes: '约谈纪要',
      heldAt: found.toISOString(),
      recordedBy: { id: office.id, name: office.name, role: 'office' },
      overdueAt: summons.due,
      accidentIds: ['new-year', 'second'],
      workflowId: `accountability-action-${summons.firingKey}`,
    });
    expect(await writer.recordReview({ checks: [], firings: firings.slice(0, 1), checkedAt: found })).toEqual({
      [summons.firingKey]: { ...opened, status: 'done' },
    });
    expect(await reader.firing(summons.firingKey)).toMatchObject({ status: 'done', rule: firings[0].firing.rule });
    expect(await reader.firing('nothing')).toBeUndefined();
    // An accident's own firings, whatever territory they count in: what an audit bundle of the accident holds.
    const ofSecond = firings.filter((f) => f.firing.accidentIds.includes('second')).map((f) => f.action.firingKey);
    expect(ofSecond.length).toBeGreaterThan(0);
    expect((await reader.firingsOfAccident('second')).map((f) => f.firingKey).sort()).toEqual(ofSecond.sort());
    expect(await reader.firingsOfAccident('no-missing')).toEqual((await reader.firings({})).filter((f) => f.accidentIds.includes('no-missing')));
    expect(await reader.firingsOfAccident('nothing')).toEqual([]);
  });
});
