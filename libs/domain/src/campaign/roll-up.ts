import { reportsDueOn } from './daily-report';
import type { CampaignSchedule } from './campaign-schedule';
import type { ScopeUnit } from './campaign-scope';
import type { CampaignTemplate } from './campaign-template';
import { isCascadeLevel, obligationTemplateFor } from './campaign-cascade';

/** A roster unit as the roll-up reads it; `regionPath` (root first, own region last) when the registry gave one. */
export type RollUpRosterUnit = Pick<ScopeUnit, 'unitId' | 'name' | 'kind' | 'regionId'> & { regionPath?: readonly string[]; active: boolean };

export interface RollUpSubmission {
  unitId: string;
  obligationId: string;
  submittedAt: string;
  onTime: boolean;
  zero: boolean;
  content: string | null;
}

export type RollUpStatus = 'on_time' | 'late' | 'missing' | 'pending';

/** One government's roll-up of one day (一日一汇总): what it filed, and who below it reported. */
export interface GovernmentRollUp {
  government: { unitId: string; name: string; regionId: string };
  rollUp: { obligationId: string; name: string; dueAt: string; status: RollUpStatus; submittedAt?: string; content?: string | null; zero?: boolean };
  /** The units' report it summarises, among the active non-government units in the government's region and below. */
  units: { obligationId: string; owed: number; reported: string[]; missing: string[] };
}

/** Whether `unit` lies in `regionId` or below it: by its registry path, else by its own region. */
const within = (unit: RollUpRosterUnit, regionId: string) => (unit.regionPath ? unit.regionPath.includes(regionId) : unit.regionId === regionId);

/**
 * Per government on the roster, per roll-up due on China day `day`: the government's filing
 * (on time, late, missing once due, pending before) and its units' reports of the same day —
 * who reported and who is missing (missing only once their cut-off has passed). The city reads
 * this to see, county by county, who is behind and what each county summarised.
 */
export function rollUpsOfDay(
  template: CampaignTemplate,
  schedule: CampaignSchedule,
  roster: readonly RollUpRosterUnit[],
  submissions: readonly RollUpSubmission[],
  day: string,
  now: Date,
): GovernmentRollUp[] {
  if (!template.cascade) return [];
  const filed = new Map(submissions.map((s) => [`${s.unitId} ${s.obligationId}`, s]));
  const governments = roster.filter((unit) => isCascadeLevel(template, unit) && unit.active);
  const owedRollUps = reportsDueOn(obligationTemplateFor(template, { kind: 'government' }), schedule, day);
  const unitReports = new Map(reportsDueOn(template, schedule, day).map((o) => [o.refId, o]));
  const result: GovernmentRollUp[] = [];
  for (const government of governments) {
    const below = roster.filter((unit) => unit.active && !isCascadeLevel(template, unit) && within(unit, government.regionId));
    for (const owed of owedRollUps) {
      const rolledUp = template.cascade.rollUps.find((r) => r.id === owed.refId)!;
      const unitsOwed = unitReports.get(rolledUp.rollUpOf);
      const submission = filed.get(`${government.unitId} ${owed.id}`);
      const status: RollUpStatus = submission
        ? submission.onTime
          ? 'on_time'
          : 'late'
        : Date.parse(owed.dueAt) <= now.getTime()
          ? 'missing'
          : 'pending';
      const reported = unitsOwed ? below.filter((u) => filed.has(`${u.unitId} ${unitsOwed.id}`)).map((u) => u.unitId) : [];
      const unitsDue = unitsOwed !== undefined && Date.parse(unitsOwed.dueAt) <= now.getTime();
      result.push({
        government: { unitId: government.unitId, name: government.name, regionId: government.regionId },
        rollUp: {
          obligationId: owed.id,
          name: owed.name,
          dueAt: owed.dueAt,
          status,
          ...(submission ? { submittedAt: submission.submittedAt, content: submission.content, zero: submission.zero } : {}),
        },
        units: {
          obligationId: unitsOwed?.id ?? '',
          owed: unitsOwed ? below.length : 0,
          reported,
          missing: unitsDue ? below.filter((u) => !reported.includes(u.unitId)).map((u) => u.unitId) : [],
        },
      });
    }
  }
  return result;
}
