import { describe, expect, it } from 'vitest';
import { countCampaignHazards, type CountedHazard } from './campaign-hazard-counts';

const hazard = (over: Partial<CountedHazard>): CountedHazard => ({
  status: 'rectifying',
  signedOffAt: null,
  deadline: '2026-04-01T00:00:00.000Z',
  overdue: false,
  listedForSupervision: false,
  ...over,
});

describe('countCampaignHazards', () => {
  it('counts found, signed off (on time by the deadline in force), open, rectifying, overdue and listed', () => {
    const counts = countCampaignHazards([
      hazard({ status: 'signed_off', signedOffAt: '2026-03-31T00:00:00.000Z' }),
      hazard({ status: 'signed_off', signedOffAt: '2026-04-02T00:00:00.000Z', overdue: true }),
      hazard({ status: 'rectifying', overdue: true, listedForSupervision: true }),
      hazard({ status: 'awaiting_plan' }),
    ]);
    expect(counts).toEqual({
      found: 4,
      signedOff: 2,
      signedOffOnTime: 1,
      open: 2,
      rectifying: 1,
      overdue: 2,
      overdueOpen: 1,
      listedForSupervision: 1,
    });
  });

  it('counts nothing in nothing', () => {
    expect(countCampaignHazards([])).toEqual({
      found: 0,
      signedOff: 0,
      signedOffOnTime: 0,
      open: 0,
      rectifying: 0,
      overdue: 0,
      overdueOpen: 0,
      listedForSupervision: 0,
    });
  });
});
