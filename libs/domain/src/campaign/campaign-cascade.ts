import type { TimeSpan } from '../time/time-span';
import type { ScopeUnit } from './campaign-scope';
import type { CampaignEscalationStep, CampaignTemplate, ReportRequirement } from './campaign-template';

/**
 * 比照落实 (seed 002 篇一): a campaign launched by a city gives every local government on its
 * roster (县/区, 乡镇 政府) obligations of its own in place of the units' — set up its own
 * implementation (实施方案, 领导小组, 工作台账) by a deadline, and file a roll-up (一日一汇总) of
 * its units' reports every day — with its own ladder, so a missed roll-up escalates at the
 * county, not at the units that did report.
 */
export interface CampaignCascade {
  /** Set-up items each government owes, due this long after the campaign starts (within the first phase). */
  setup: CascadeSetupItem[];
  /** The roll-ups each government files, each summarising one of the units' reports. */
  rollUps: CascadeRollUp[];
  /** The government's own ladder for its missed set-up items and roll-ups. */
  escalation: CampaignEscalationStep[];
}

export interface CascadeSetupItem {
  id: string;
  name: string;
  dueAfter: TimeSpan;
}

/** A report the government files after its units' report `rollUpOf` is due (its cut-off is later). */
export interface CascadeRollUp extends ReportRequirement {
  rollUpOf: string;
}

/** The units a cascade applies to: the local governments on the roster. */
export const isCascadeLevel = (template: CampaignTemplate, unit: Pick<ScopeUnit, 'kind'>): boolean =>
  template.cascade !== undefined && unit.kind === 'government';

/**
 * The template as one unit owes it. A government under a cascade owes the cascade's set-up
 * items (deliverables of the first phase) and roll-ups, on the cascade's ladder, and none of the
 * units' reports, deliverables or activities; every other unit owes the template as it stands.
 * Every obligation rule (due times, ids, missed, ladders) then reads this one template.
 */
export function obligationTemplateFor(template: CampaignTemplate, unit: Pick<ScopeUnit, 'kind'>): CampaignTemplate {
  const cascade = template.cascade;
  if (!cascade || !isCascadeLevel(template, unit)) return template;
  return {
    ...template,
    phases: template.phases.map((phase, index) => ({
      ...phase,
      deliverables: index === 0 ? cascade.setup.map(({ id, name, dueAfter }) => ({ id, name, dueAfter })) : [],
    })),
    reports: cascade.rollUps.map(({ rollUpOf: _rollUpOf, ...report }) => report),
    activities: [],
    escalation: cascade.escalation,
  };
}
