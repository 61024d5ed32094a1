import type { PermissionTable } from '../permissions';
import { invalid } from '../rejection';
import { cstDayEnd, cstDayStart, parseCstDay } from '../time/china-day';
import type { FindingGrade } from './covert-inspection-plan';
import type { CovertInspectionState } from './covert-inspection-state';
import { covertRectificationStatus, type CovertRectificationStatus, type HazardRectificationFacts } from './covert-rectification-status';

/**
 * 暗访曝光: what completed covert inspections found, per region and industry, each finding with
 * where its on-site order stands (004: 曝光 by region and industry). The office publishes a
 * period's list; the others who follow the work read it.
 */
export type CovertExposureAction = 'read' | 'publish';

export const COVERT_EXPOSURE_PERMISSIONS: PermissionTable<CovertExposureAction> = {
  ownObjects: 'exposure lists',
  otherObject: 'this list concerns unit',
  rules: {
    read: { roles: ['office', 'inspector', 'auditor'], ownUnitOnly: false, why: 'the exposure list (暗访曝光) of completed covert inspections' },
    publish: { roles: ['office'], ownUnitOnly: false, why: 'the safety committee office publishes a period’s exposure list' },
  },
};

/** The longest period one list covers. */
export const COVERT_EXPOSURE_MAX_DAYS = 366;

export interface CovertExposureQuery {
  /** First and last China calendar day (inclusive) of the inspections' completion. */
  from: string;
  to: string;
  /** Only findings at units in this region, or of inspections run by this region's office. */
  regionId?: string;
  /** Only findings at units of this industry. */
  industry?: string;
}

/** An item's rectification as its hazard's ledger row says (covert-rectification-status.ts): 已整改 | 整改中 | 逾期未整改 | 未跟踪. */
export type CovertExposureStatus = CovertRectificationStatus;

export interface CovertExposureItem {
  inspectionId: string;
  title: string;
  unitId: string;
  findingId: string;
  description: string;
  grade: FindingGrade;
  /** 挂牌督办 (a 重大隐患 listed for supervision). */
  listed: boolean;
  orderId: string;
  /** 限时整改: the order's deadline (and a listed hazard's 限期销号). */
  dueAt: string;
  /** The hazard (隐患台账) the finding became; null for inspections from before findings became hazards. */
  hazardId: string | null;
  status: CovertExposureStatus;
  completedAt: string;
}

export interface CovertExposureGroup {
  regionId: string;
  industryId: string | null;
  findings: number;
  major: number;
  overdue: number;
  items: CovertExposureItem[];
}

export interface CovertExposureList extends CovertExposureQuery {
  /** When the statuses were read (an order's status moves with time). */
  asOf: string;
  total: number;
  groups: CovertExposureGroup[];
}

/** The period's instants [from 00:00, the day after `to` 00:00) in China time, or a refusal naming the field. */
export function covertExposurePeriod(query: Pick<CovertExposureQuery, 'from' | 'to'>): { start: Date; end: Date } {
  const start = cstDayStart(parseCstDay(query.from, 'from'));
  const end = cstDayEnd(parseCstDay(query.to, 'to'));
  if (end <= start) throw invalid('period.ends_before_start', 'to', 'to must be on or after from');
  if (end.getTime() - start.getTime() > COVERT_EXPOSURE_MAX_DAYS * 86_400_000)
    throw invalid('period.too_long', 'to', `a list covers at most ${COVERT_EXPOSURE_MAX_DAYS} days`);
  return { start, end };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The exposure list of `states` (the inspections completed in the period): every finding, grouped
 * by its unit's region and industry (from the candidates recorded with the plan), groups and
 * items in a stable order, each with its rectification as `hazards` (the ledger rows of the
 * findings' hazards, by hazard id) say. Pure: the same record, rows and `now` give the same list.
 */
export function covertExposureList(
  states: readonly CovertInspectionState[],
  query: CovertExposureQuery,
  now: Date,
  hazards: ReadonlyMap<string, HazardRectificationFacts> = new Map(),
): CovertExposureList {
  const { start, end } = covertExposurePeriod(query);
  const groups = new Map<string, CovertExposureGroup>();
  for (const s of states) {
    if (!s.completed || Date.parse(s.completed.at) < start.getTime() || Date.parse(s.completed.at) >= end.getTime()) continue;
    const placeOf = new Map(s.plan.candidates.map((c) => [c.unitId, c]));
    for (const f of s.findings) {
      const place = placeOf.get(f.unitId);
      const regionId = place?.regionId ?? s.plan.regionId;
      const industryId = place?.industryId ?? null;
      if (query.regionId !== undefined && regionId !== query.regionId && s.plan.regionId !== query.regionId) continue;
      if (query.industry !== undefined && industryId !== query.industry) continue;
      const order = s.orders.find((o) => o.orderId === f.orderId);
      if (!order) continue; // completion requires every finding ordered: none is left out in practice
      const key = `${regionId}/${industryId ?? ''}`;
      const group = groups.get(key) ?? { regionId, industryId, findings: 0, major: 0, overdue: 0, items: [] };
      const status = covertRectificationStatus(f.hazardId === undefined ? undefined : hazards.get(f.hazardId));
      group.items.push({
        inspectionId: s.inspectionId,
        title: s.plan.title,
        unitId: f.unitId,
        findingId: f.findingId,
        description: f.description,
        grade: f.grade,
        listed: s.listed.some((l) => l.findingId === f.findingId),
        orderId: order.orderId,
        dueAt: order.dueAt,
        hazardId: f.hazardId ?? null,
        status,
        completedAt: s.completed.at,
      });
      group.findings++;
      if (f.grade === 'major') group.major++;
      if (status === 'overdue') group.overdue++;
      groups.set(key, group);
    }
  }
  const sorted = [...groups.entries()]
    .sort(([a], [b]) => byKey(a, b))
    .map(([, g]) => ({
      ...g,
      items: g.items.sort((a, b) => byKey(a.unitId, b.unitId) || byKey(a.findingId, b.findingId)),
    }));
  return { ...query, asOf: now.toISOString(), total: sorted.reduce((n, g) => n + g.findings, 0), groups: sorted };
}
