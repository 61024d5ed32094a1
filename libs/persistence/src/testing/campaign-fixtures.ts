import {
  applyEvents,
  campaignDecider,
  unitDecider,
  cstDate,
  enrolledUnitState,
  launchedCampaignState,
  reportObligationId,
  type CampaignEvent,
  type CampaignLaunch,
  type CampaignSchedule,
  type CampaignState,
  type CampaignTemplate,
  type NewCampaignEvent,
  type NewUnitEvent,
  type ScopeUnit,
  type UnitEvent,
  type UnitObligationsState,
} from '@duban/domain';
import { OFFICE, unitActor } from './hazard-fixtures';

export { OFFICE, unitActor } from './hazard-fixtures';

/*
 * Campaigns and units for the persistence specs: states folded with the domain's own evolve
 * functions, as the workflows fold them. Days count from START (2026-06-01, China Standard Time).
 */

export const DAY = 86_400_000;
/** 2026-06-01 00:00 China Standard Time. */
export const START = new Date('2026-06-01T00:00:00+08:00');
export const days = (n: number) => new Date(START.getTime() + n * DAY);
export const iso = (n: number) => days(n).toISOString();
/** 16:00 CST on the campaign's day n (0 = 2026-06-01). */
export const afternoon = (n: number) => new Date(days(n).getTime() + 16 * 3_600_000).toISOString();

export const TEMPLATE: CampaignTemplate = {
  id: 'tpl-drive',
  name: '百日安全生产活动',
  kind: 'hundred_day_drive',
  description: '三个阶段, 一日一报',
  source: 'spec fixture',
  phases: [
    { id: 'mobilise', name: '动员部署', duration: { amount: 10, unit: 'days' }, deliverables: [] },
    { id: 'self-check', name: '自查自纠', duration: { amount: 20, unit: 'days' }, deliverables: [{ id: 'self-check-report', name: '自查报告' }] },
    { id: 'rectify', name: '集中整治', duration: { amount: 30, unit: 'days' }, deliverables: [] },
  ],
  reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true }],
  targets: [{ id: 'on-time', name: '按时报送率', metric: 'reports_on_time_rate', threshold: 1 }],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [{ id: 'c1', text: '安全生产责任制落实' }],
  activities: [],
  inspectionTiers: [{ id: 'self', name: '企业自查' }],
  escalation: [{ id: 'reminder-after-1-missed', instrument: 'reminder', afterMissed: 1 }],
};

export const REGIONS = [
  { id: 'r-east', name: '东城区' },
  { id: 'r-west', name: '西城区' },
];
export const INDUSTRIES = [
  { id: 'chem', name: '危险化学品' },
  { id: 'build', name: '建筑施工' },
];

/** Phases back to back from START + `shift` days (10, 20, 30 days), `extraMobilise` days added to the first. */
export function schedule(extraMobilise = 0, shift = 0): CampaignSchedule {
  const bounds = [0, 10 + extraMobilise, 30 + extraMobilise, 60 + extraMobilise].map((d) => d + shift);
  return {
    startsAt: iso(bounds[0]!),
    endsAt: iso(bounds[3]!),
    phases: TEMPLATE.phases.map((p, i) => ({ phaseId: p.id, name: p.name, startsAt: iso(bounds[i]!), endsAt: iso(bounds[i + 1]!) })),
  };
}

export interface Campaign {
  state: CampaignState;
  events: CampaignEvent[];
}

export function launch(campaignId: string, units: ScopeUnit[], over: Partial<CampaignLaunch> = {}): Campaign {
  const l: CampaignLaunch = {
    campaignId,
    name: `专项行动 ${campaignId}`,
    template: TEMPLATE,
    scope: { regions: REGIONS, industries: INDUSTRIES, units, leadLeader: '张副县长', leadDepartment: '县应急管理局' },
    startsAt: iso(0),
    ...over,
  };
  return applyEvents(campaignDecider, launchedCampaignState(l, OFFICE), [
    {
      type: 'launched',
      data: { templateId: l.template.id, unitCount: units.length, startsAt: l.startsAt },
      at: iso(-1),
      actor: OFFICE,
      reason: `${l.name} 启动`,
    },
  ]);
}

/** `events` are only the new ones (what the workflow records next). */
export function campaignThen(c: Campaign, ...events: NewCampaignEvent[]): Campaign {
  return applyEvents(campaignDecider, c.state, events);
}

export const unit = (unitId: string, regionId: string, industryId?: string, kind: ScopeUnit['kind'] = 'enterprise'): ScopeUnit => ({
  unitId,
  name: `单位 ${unitId}`,
  kind,
  regionId,
  ...(industryId ? { industryId } : {}),
});

export interface Unit {
  state: UnitObligationsState;
  events: UnitEvent[];
}

export function enrol(campaignId: string, u: ScopeUnit, atDay = 0): Unit {
  const at = iso(atDay);
  return applyEvents(unitDecider, enrolledUnitState(campaignId, u, at, false), [
    { type: 'enrolled', data: { unit: u }, at, actor: OFFICE, reason: '纳入专项行动' },
  ]);
}

export function unitThen(u: Unit, ...events: NewUnitEvent[]): Unit {
  return applyEvents(unitDecider, u.state, events);
}

export const both = (a: Unit, b: Unit): Unit => ({ state: b.state, events: [...a.events, ...b.events] });

/** The day-`day` 一日一报 (report:daily:<CST date>), on time at 16:00 unless told otherwise. */
export function dailyReport(u: Unit, day: number, opts: { onTime?: boolean; zero?: boolean; at?: string } = {}): NewUnitEvent {
  const date = cstDate(days(day));
  return {
    type: 'report_submitted',
    data: {
      obligationId: reportObligationId('daily', date),
      onTime: opts.onTime ?? true,
      zero: opts.zero ?? false,
      content: opts.zero ? '零报告' : `${date} 排查情况`,
    },
    at: opts.at ?? afternoon(day),
    actor: unitActor(u.state.unit.unitId),
    reason: '一日一报',
  };
}
