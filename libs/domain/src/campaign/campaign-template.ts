import type { TimeSpan } from '../time/time-span';
import type { EscalationInstrument } from '../hazard/escalation-instrument';
import type { CampaignCascade } from './campaign-cascade';

/**
 * A campaign (专项行动) is a template instantiated over a scope. Templates are data: the four
 * shipped ones are editable defaults, and an office can post its own (validated before use).
 */
export const CAMPAIGN_KINDS = ['hundred_day_drive', 'big_inspection', 'hazard_sweep', 'safety_month', 'custom'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  hundred_day_drive: '百日安全生产活动 (100-day drive)',
  big_inspection: '安全生产大检查 (big inspection)',
  hazard_sweep: '隐患大排查 (hazard sweep)',
  safety_month: '安全生产月 (Safety Month)',
  custom: '自定义专项行动 (custom campaign)',
};

/** A phase of the campaign, run in order (动员部署 → 自查自纠 → 集中整治 → 总结验收). */
export interface CampaignPhase {
  id: string;
  name: string;
  duration: TimeSpan;
  /** What each unit must hand in during this phase (e.g. 自查报告, 阶段总结). */
  deliverables: PhaseDeliverable[];
}

export interface PhaseDeliverable {
  id: string;
  name: string;
  /** Due this long after the phase starts; absent: at the phase's end. */
  dueAfter?: TimeSpan;
}

/** A recurring report (一日一报, 周报): due at a cut-off time, 零报告 allowed where stated. */
export interface ReportRequirement {
  id: string;
  name: string;
  cadence: 'daily' | 'weekly';
  /** Cut-off time of day in China Standard Time, 'HH:MM' (e.g. '17:00'). */
  cutoff: string;
  /** For weekly reports: ISO weekday of the cut-off, 1 = Monday … 7 = Sunday. */
  weekday?: number;
  /** The phases in which the report is required; every phase when absent. */
  phases?: string[];
  /** 零报告: a unit with nothing to report must still report "nothing". */
  zeroReportAllowed: boolean;
}

/** What the campaign measures a unit's and the campaign's success by (e.g. 五个100%). */
export const TARGET_METRICS = [
  'reports_on_time_rate',
  'deliverables_on_time_rate',
  'units_inspected_rate',
  'hazards_rectified_rate',
  'activities_reported_rate',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export interface CampaignTarget {
  id: string;
  name: string;
  metric: TargetMetric;
  /** The rate to reach, 0..1 (1 = 100%). */
  threshold: number;
}

/** Scheduled activities with fixed dates (安全生产月: 6·1 启动仪式, 6·16 宣传咨询日). */
export interface CampaignActivity {
  id: string;
  name: string;
  /** Days after the campaign starts on which it takes place; absent: any time in the campaign. */
  onDay?: number;
  /** Units report that they held it (活动信息报送). */
  reportRequired: boolean;
}

/** Inspection tiers that run concurrently (同步进行): self-inspection, county, department, committee. */
export interface InspectionTier {
  id: string;
  name: string;
}

/** One rung of the per-unit ladder for missed obligations: applied when the unit's missed count reaches `afterMissed`. */
export interface CampaignEscalationStep {
  id: string;
  instrument: EscalationInstrument;
  afterMissed: number;
}

export interface CampaignTemplate {
  id: string;
  name: string;
  kind: CampaignKind;
  description: string;
  /** Where the template's shape comes from (a seed speech, a notice number): offices differ. */
  source: string;
  phases: CampaignPhase[];
  reports: ReportRequirement[];
  targets: CampaignTarget[];
  /** 三个全覆盖: every region, every unit, every industry in scope must be covered. */
  coverage: { regions: boolean; units: boolean; industries: boolean };
  checkItems: Array<{ id: string; text: string }>;
  activities: CampaignActivity[];
  inspectionTiers: InspectionTier[];
  escalation: CampaignEscalationStep[];
  /** 比照落实: what the roster's local governments owe instead (campaign-cascade.ts); absent: every unit owes the same. */
  cascade?: CampaignCascade;
}
