import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { WEEKDAY_CALENDAR } from '../time/work-calendar';
import { openHazardFile } from './decide-hazard';
import { foldOpeningEvents } from './hazard-decider';
import { STANDARD_HAZARD_POLICY } from './hazard-policy';
import type { HazardReport } from './hazard-report';
import { withInitialListing } from './initial-listing';

const office: Actor = { id: 'o-city', name: '市安委办 周主任', role: 'office', unitId: 'city-office', regionId: '411700' };
const inspector: Actor = { id: 'i1', name: '暗访组 吴组长', role: 'inspector' };
const t0 = new Date('2026-11-02T02:00:00Z');

const report = (grade: HazardReport['grade']): HazardReport => ({
  title: '明察暗访发现: 报警器失效',
  description: '储罐区可燃气体报警器失效',
  location: '甲化工有限公司',
  industry: '危险化学品',
  unitId: 'unit-a',
  grade,
  source: 'covert_inspection',
  finder: inspector.name,
  deadline: new Date(t0.getTime() + 10 * 86_400_000).toISOString(),
});

const opened = (grade: HazardReport['grade']) => foldOpeningEvents(openHazardFile('h1', report(grade), inspector, STANDARD_HAZARD_POLICY, t0));
const listing = { level: 'county' as const, tracker: { name: inspector.name }, reason: '暗访发现重大隐患', actor: office };

describe('a hazard listed as it is reported (挂牌督办 with the report)', () => {
  it('is the office’s own listing decided right after the report: the policy’s listing gets its tracker, an unlisted grade is listed', () => {
    const major = withInitialListing(opened('major'), listing, t0, WEEKDAY_CALENDAR);
    expect(major.events.map((e) => [e.type, e.seq])).toEqual([
      ['reported', 1],
      ['escalated', 2],
      ['listing_changed', 3],
    ]);
    expect(major.state.listing).toMatchObject({
      level: 'county',
      tracker: { name: inspector.name, unitId: 'city-office' },
      lastChange: { by: office },
    });
    const general = withInitialListing(opened('general'), listing, t0, WEEKDAY_CALENDAR);
    expect(general.events.map((e) => e.type)).toEqual(['reported', 'listed']);
    expect(general.state).toMatchObject({
      listedForSupervision: true,
      listing: { regionId: '411700', listedBy: office, reason: '暗访发现重大隐患' },
    });
  });

  it('is validated as an office’s listing: another role or a missing reason is refused', () => {
    expect(() => withInitialListing(opened('major'), { ...listing, actor: inspector }, t0, WEEKDAY_CALENDAR)).toThrow(
      expect.objectContaining({ code: 'permission.role_not_allowed' }),
    );
    expect(() => withInitialListing(opened('major'), { ...listing, reason: ' ' }, t0, WEEKDAY_CALENDAR)).toThrow(
      expect.objectContaining({ field: 'reason' }),
    );
  });
});
