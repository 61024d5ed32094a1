import { describe, expect, it } from 'vitest';
import { classifyReports } from './report-timeliness';
import { reportingObligations, type AccidentSnapshot, type ChainReceipt } from './reporting-chain';

const occurredAt = '2026-08-21T02:00:00.000Z';
const h = (hours: number) => new Date(Date.parse(occurredAt) + hours * 3600_000).toISOString();
const snapshot = (over: Partial<AccidentSnapshot> = {}): AccidentSnapshot => ({
  at: occurredAt,
  grade: 'general',
  deaths: 1,
  livesEndangered: 0,
  ...over,
});

describe('the reporting chain (逐级上报) as obligations', () => {
  it('sends a 一般 accident to the county within 1 h and the city 2 h after the county received it', () => {
    const receipts: ChainReceipt[] = [{ stepId: 'county-1h', receivedAt: h(0.5), channel: 'written' }];
    expect(reportingObligations(occurredAt, [snapshot()], receipts).map((o) => [o.stepId, o.level, o.deadline])).toEqual([
      ['county-1h', 'county', h(1)],
      ['city-2h', 'city', h(2.5)],
    ]);
  });

  it('counts a level up from the deadline below while the level below has not reported', () => {
    expect(reportingObligations(occurredAt, [snapshot({ grade: 'major', deaths: 12 })], []).map((o) => [o.stepId, o.deadline])).toEqual([
      ['county-1h', h(1)],
      ['city-2h', h(3)],
      ['province-2h', h(5)],
      ['state-council-2h', h(7)],
      ['city-government-2h', h(2)],
    ]);
  });

  it('applies the city rule (002 篇六) at 3 lives endangered even with no death, by phone first', () => {
    const [rule] = reportingObligations(occurredAt, [snapshot({ deaths: 0, livesEndangered: 3 })], []).filter(
      (o) => o.level === 'city' && o.stepId !== 'city-2h',
    );
    expect(rule).toMatchObject({ stepId: 'city-government-2h', channel: 'phone_then_written', deadline: h(2) });
  });

  it('moves a rise (2 deaths → 3 at a 续报) to the province and the city government at once, owed from the 续报', () => {
    const history = [snapshot({ deaths: 2 }), snapshot({ at: h(10), grade: 'larger', deaths: 3 })];
    const receipts: ChainReceipt[] = [
      { stepId: 'county-1h', receivedAt: h(0.5), channel: 'written' },
      { stepId: 'city-2h', receivedAt: h(2), channel: 'written' },
    ];
    const obligations = reportingObligations(occurredAt, history, receipts);
    expect(obligations.find((o) => o.stepId === 'province-2h')).toMatchObject({ owedSince: h(10), deadline: h(12) });
    expect(obligations.find((o) => o.stepId === 'city-government-2h')).toMatchObject({ owedSince: h(10), deadline: h(12) });
  });
});

describe('classifying each level’s report: on time, 迟报 by how much, 漏报', () => {
  const history = [snapshot({ grade: 'larger', deaths: 3 })];

  it('records a late county report with its delay, and the missing levels above', () => {
    const receipts: ChainReceipt[] = [
      { stepId: 'county-1h', receivedAt: h(1.75), channel: 'written' },
      { stepId: 'city-government-2h', receivedAt: h(1), channel: 'phone' },
    ];
    const classified = classifyReports(reportingObligations(occurredAt, history, receipts), receipts, new Date(h(6)));
    expect(classified.map((c) => [c.obligation.stepId, c.timeliness, c.lateByMinutes])).toEqual([
      ['county-1h', 'late', 45],
      ['city-2h', 'missing', undefined],
      ['province-2h', 'missing', undefined],
      ['city-government-2h', 'on_time', undefined],
    ]);
    expect(classified[3].writtenReceived).toBe(false);
  });

  it('says pending before a deadline, and ignores a receipt recorded after the moment asked about', () => {
    const receipts: ChainReceipt[] = [{ stepId: 'county-1h', receivedAt: h(0.9), channel: 'written' }];
    const obligations = reportingObligations(occurredAt, history, receipts);
    expect(classifyReports(obligations, receipts, new Date(h(0.5)))[0].timeliness).toBe('pending');
    expect(classifyReports(obligations, receipts, new Date(h(1)))[0].timeliness).toBe('on_time');
  });
});
