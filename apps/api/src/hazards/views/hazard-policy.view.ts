import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ESCALATION_INSTRUMENT_LABELS,
  ESCALATION_INSTRUMENTS,
  HAZARD_GRADES,
  LISTING_LEVEL_LABELS,
  LISTING_LEVELS,
  type EscalationInstrument,
  type EscalationStep,
  type HazardGrade,
  type HazardPolicy,
  type ListingLevel,
  type TimeSpan,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { TimeSpanView } from '../../http/time-span.view';

/** One rung of the escalation ladder (督办升级阶梯). */
export class EscalationStepView implements EscalationStep {
  @ApiProperty({ description: 'Rung id.' })
  id!: string;

  @ApiProperty({ description: `Instrument 督办手段: ${describeEnum(ESCALATION_INSTRUMENT_LABELS)}.`, enum: ESCALATION_INSTRUMENTS })
  instrument!: EscalationInstrument;

  @ApiProperty({ description: 'When, relative to the 整改期限 (deadline).', type: () => TimeSpanView })
  offset!: TimeSpan;

  @ApiPropertyOptional({ description: 'Only for these grades (一般隐患/重大隐患); all when absent.', enum: HAZARD_GRADES, isArray: true })
  grades?: HazardGrade[];

  @ApiPropertyOptional({
    description: `On a listed_supervision rung: the level that lists (${describeEnum(LISTING_LEVEL_LABELS)}); county when absent.`,
    enum: LISTING_LEVELS,
  })
  listingLevel?: ListingLevel;
}

/** 督办规则 (hazard policy): the copy the hazard's workflow started with. */
export class HazardPolicyView implements HazardPolicy {
  @ApiProperty({ description: 'Policy id.' })
  id!: string;

  @ApiProperty({ description: 'Name 名称.' })
  name!: string;

  @ApiProperty({ description: "Where the rules come from 依据 (regulation, a committee's document)." })
  source!: string;

  @ApiProperty({ description: 'Most 延期 (deadline extensions) the office may grant per hazard.' })
  maxExtensions!: number;

  @ApiProperty({ description: 'Longest 整改期限 (rectification deadline) allowed from the day of reporting.', type: () => TimeSpanView })
  maxDeadline!: TimeSpan;

  @ApiProperty({ description: 'Grades listed for supervision (挂牌督办) the moment they are reported.', enum: HAZARD_GRADES, isArray: true })
  listImmediatelyGrades!: HazardGrade[];

  @ApiPropertyOptional({ description: 'The level those grades are listed at on report (挂牌级别); county when absent.', enum: LISTING_LEVELS })
  listImmediatelyLevel?: ListingLevel;

  @ApiProperty({ description: 'The escalation ladder (督办升级), applied while the unit still owes work.', type: () => [EscalationStepView] })
  escalation!: EscalationStep[];

  @ApiProperty({ description: 'How often a major hazard under monitoring (监控) must report.', type: () => TimeSpanView })
  monitoringReportEvery!: TimeSpan;
}
