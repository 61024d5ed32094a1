import {
  ESCALATION_INSTRUMENT_LABELS,
  ESCALATION_INSTRUMENTS,
  REPORT_CADENCE_LABELS,
  TARGET_METRIC_LABELS,
  TARGET_METRICS,
  TEMPLATE_LIMITS,
  TEXT_LIMITS,
  type CampaignActivity,
  type CampaignEscalationStep,
  type CampaignPhase,
  type CampaignTarget,
  type EscalationInstrument,
  type InspectionTier,
  type PhaseDeliverable,
  type ReportRequirement,
  type TargetMetric,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanField, EnumField, IdField, NestedField, NestedListField, NumberField, StringListField, TextField } from '../../http/field-decorators';
import { TimeSpanDto } from './time-span.dto';

/** HH:MM, 00:00–23:59: what the domain's parseCutoff reads. */
export const CUTOFF_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/**
 * The parts of a template as an office posts it. What one value's form allows is checked here
 * (and stated in the schema); what needs several values — unique ids, phases named by reports,
 * the campaign's length, a rising ladder — the domain checks (`validateCampaignTemplate`),
 * naming the exact path, e.g. `phases[1].duration.amount`.
 */
const name = (what: string) => TextField({ description: `${what} (名称).`, max: TEXT_LIMITS.shortText });
const id = (what: string) =>
  IdField({ description: `${what}: 1–100 letters, digits, _ . : -; unique in the template (else \`input.duplicate_id\`).` });

export class PhaseDeliverableDto implements PhaseDeliverable {
  @id('Deliverable id (材料编号)') id!: string;
  @name('材料名称, e.g. 自查报告 (self-inspection report)') name!: string;
  @NestedField(() => TimeSpanDto, {
    description: "Due this long after the phase starts, never after it ends; absent: at the phase's end.",
    optional: true,
  })
  dueAfter?: TimeSpanDto;
}

export class CampaignPhaseDto implements CampaignPhase {
  @id('Phase id (阶段编号)') id!: string;
  @name('阶段名称') name!: string;
  @NestedField(() => TimeSpanDto, { description: '时长 (duration): positive hours, days or working days (工作日).' }) duration!: TimeSpanDto;
  @NestedListField(() => PhaseDeliverableDto, {
    description: '阶段材料 (deliverables each unit hands in during the phase).',
    maxItems: TEMPLATE_LIMITS.items,
  })
  deliverables!: PhaseDeliverableDto[];
}

export class ReportRequirementDto implements ReportRequirement {
  @id('Report id (报送编号); obligations are `report:<id>:<YYYY-MM-DD>`') id!: string;
  @name('报送名称, e.g. 一日一报') name!: string;
  @EnumField(['daily', 'weekly'], { description: `频次 (cadence): ${describeEnum(REPORT_CADENCE_LABELS)}.` }) cadence!: 'daily' | 'weekly';
  @TextField({ description: '截止时间 (cut-off), HH:MM China Standard Time, 00:00–23:59.', max: 5, pattern: CUTOFF_PATTERN, example: '17:00' })
  cutoff!: string;
  @NumberField({
    description: 'Weekly reports only (and required there): ISO weekday of the cut-off, 1 周一 … 7 周日.',
    optional: true,
    integer: true,
    min: 1,
    max: 7,
  })
  weekday?: number;
  @StringListField({
    description: 'Phases (阶段 ids) in which it is required; every phase when absent.',
    optional: true,
    ids: true,
    max: 100,
    minItems: 1,
    maxItems: TEMPLATE_LIMITS.phases,
    unique: true,
  })
  phases?: string[];
  @BooleanField({ description: '零报告 allowed: a unit with nothing to report still reports "nothing".' }) zeroReportAllowed!: boolean;
}

export class CampaignTargetDto implements CampaignTarget {
  @id('Target id') id!: string;
  @name('目标名称') name!: string;
  @EnumField(TARGET_METRICS, { description: `指标 (metric): ${describeEnum(TARGET_METRIC_LABELS)}.` }) metric!: TargetMetric;
  @NumberField({ description: '达标线 (threshold), a rate 0..1 (1 = 100%).', min: 0, max: 1 }) threshold!: number;
}

export class CoverageRequirementDto {
  @BooleanField({ description: '所有县区全覆盖 (every region).' }) regions!: boolean;
  @BooleanField({ description: '所有单位全覆盖 (every unit).' }) units!: boolean;
  @BooleanField({ description: '所有行业全覆盖 (every industry).' }) industries!: boolean;
}

export class CheckItemDto {
  @id('Check item id (检查项编号)') id!: string;
  @TextField({ description: '检查内容 (what is checked).', max: TEXT_LIMITS.shortText }) text!: string;
}

export class CampaignActivityDto implements CampaignActivity {
  @id('Activity id; its report obligation is `activity:<id>`') id!: string;
  @name('活动名称') name!: string;
  @NumberField({
    description: 'Day after the start it takes place (0 = the first day; before the campaign ends); absent: any time.',
    optional: true,
    integer: true,
    min: 0,
  })
  onDay?: number;
  @BooleanField({ description: '活动信息报送 required: units report that they held it.' }) reportRequired!: boolean;
}

export class InspectionTierDto implements InspectionTier {
  @id('Tier id, e.g. self-inspection 企业自查') id!: string;
  @name('层级名称') name!: string;
}

export class CampaignEscalationStepDto implements CampaignEscalationStep {
  @id('Rung id') id!: string;
  @EnumField(ESCALATION_INSTRUMENTS, { description: `督办手段 (instrument): ${describeEnum(ESCALATION_INSTRUMENT_LABELS)}.` })
  instrument!: EscalationInstrument;
  @NumberField({ description: "Applied when the unit's missed obligations (逾期未报) reach this count; rising rung by rung.", integer: true, min: 1 })
  afterMissed!: number;
}
