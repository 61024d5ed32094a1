import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCIDENT_GRADES,
  ACCIDENT_SECTORS,
  ESCALATION_INSTRUMENTS,
  INDICATOR_STATUS_LABELS,
  type AccidentGrade,
  type AccidentSector,
  type ControlIndicator,
  type EscalationInstrument,
  type IndicatorStatus,
} from '@duban/domain';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';

const SHARES = { type: [Number] as [NumberConstructor] };

/** 控制指标: one cap of a region's year. */
export class ControlIndicatorView implements ControlIndicator {
  @ApiProperty({ description: '指标编号 (id): `<regionId>:<year>:<key>`.' }) id!: string;
  @ApiProperty({ description: '地区 (region) id.' }) regionId!: string;
  @ApiProperty({ description: '年度 (year).', type: 'integer' }) year!: number;
  @ApiProperty({ description: '指标名称 (label).' }) label!: string;
  @ApiProperty({ description: 'deaths 死亡人数 | accidents 事故起数.', enum: ['deaths', 'accidents'] }) measure!: 'deaths' | 'accidents';
  @ApiPropertyOptional({ description: '统计口径 (sectors) counted; absent: all.', enum: ACCIDENT_SECTORS, isArray: true }) sectors?: AccidentSector[];
  @ApiPropertyOptional({ description: '事故等级 (grades) counted; absent: all.', enum: ACCIDENT_GRADES, isArray: true }) grades?: AccidentGrade[];
  @ApiProperty({ description: '上限 (cap): 控制在…以内.', type: 'integer' }) cap!: number;
  @ApiProperty({ description: '依据 (source).' }) source!: string;
  @ApiPropertyOptional({ ...SHARES, description: '预警线 (warning shares) of the office; absent: the standard policy’s.' }) warnAt?: number[];
}

/** A cap as set: with who set it, when and why. */
export class ControlIndicatorRowView extends ControlIndicatorView {
  @ApiProperty({ description: '设定人 (set by).', type: () => ActorView }) setBy!: ActorView;
  @ApiProperty({ description: '设定时间 (set at).', format: 'date-time' }) setAt!: string;
  @ApiProperty({ description: '理由 (reason).' }) reason!: string;
}

/** How the monthly check reads caps that name no warning shares of their own (标准口径). */
export class ControlIndicatorPolicyView {
  @ApiProperty({ ...SHARES, description: '标准预警线 (standard warning shares).' }) warnAt!: number[];
  @ApiProperty({ description: '突破后的问责方式 (instrument on a breach).', enum: ESCALATION_INSTRUMENTS }) breachInstrument!: EscalationInstrument;
  @ApiProperty({ description: '一票否决 (veto in the annual assessment) on a breach.' }) vetoOnBreach!: boolean;
  @ApiProperty({ description: '依据 (source).' }) source!: string;
}

/** A region's caps for a year as they stand, with the seed's caps offered as a starting point. */
export class ControlIndicatorSetView {
  @ApiProperty({ description: '地区 (region) id.' }) regionId!: string;
  @ApiProperty({ description: '年度 (year).', type: 'integer' }) year!: number;
  @ApiProperty({ description: '当前版本 (revision) that holds; null before any set.', type: 'integer', nullable: true }) revision!: number | null;
  @ApiProperty({ description: '各项控制指标 (the caps as set).', type: () => [ControlIndicatorRowView] }) indicators!: ControlIndicatorRowView[];
  @ApiProperty({ description: '标准口径 (the standard policy of the monthly check).', type: () => ControlIndicatorPolicyView })
  standardPolicy!: ControlIndicatorPolicyView;
  @ApiProperty({
    description: '建议指标 (suggested): the seed city’s three caps (002 篇六: 49 deaths, 6 in 工矿商贸, 1 较大 accident), to adapt and put.',
    type: () => [ControlIndicatorView],
  })
  suggested!: ControlIndicatorView[];
}

export class PutControlIndicatorsResultView extends ControlIndicatorSetView {
  @ApiProperty({ description: 'Whether this put made a new revision (false: the same caps and reason as the last one, e.g. a retry).' })
  changed!: boolean;
}

/** One set of caps as an office put it. */
export class ControlIndicatorRevisionView {
  @ApiProperty({ description: '地区 (region) id.' }) regionId!: string;
  @ApiProperty({ description: '年度 (year).', type: 'integer' }) year!: number;
  @ApiProperty({ description: '版本 (revision), 1, 2, …', type: 'integer' }) revision!: number;
  @ApiProperty({ description: '各项控制指标 (the caps as put).', type: () => [ControlIndicatorView] }) indicators!: ControlIndicatorView[];
  @ApiProperty({ description: '设定人 (set by).', type: () => ActorView }) setBy!: ActorView;
  @ApiProperty({ description: '设定时间 (set at).', format: 'date-time' }) setAt!: string;
  @ApiProperty({ description: '理由 (reason).' }) reason!: string;
}

export class IndicatorBreachView {
  @ApiProperty({ description: '问责方式 (instrument).', enum: ESCALATION_INSTRUMENTS }) instrument!: EscalationInstrument;
  @ApiProperty({ description: '一票否决 (veto).' }) veto!: boolean;
}

/** 按月检查: one cap's use from 1 January to the end of the month. */
export class ControlIndicatorCheckView {
  @ApiProperty({ description: '指标编号 (indicator id).' }) indicatorId!: string;
  @ApiProperty({ description: '地区 (region) id.' }) regionId!: string;
  @ApiProperty({ description: '月份 (month), YYYY-MM.' }) month!: string;
  @ApiProperty({ description: 'The cap as checked.', type: () => ControlIndicatorView }) indicator!: ControlIndicatorView;
  @ApiProperty({ description: '已用 (used): deaths or accidents counted.', type: 'integer' }) used!: number;
  @ApiProperty({ description: '占比 (share) of the cap; null for a cap of 0.', type: Number, nullable: true }) share!: number | null;
  @ApiProperty({ description: `状态 (status): ${describeEnum(INDICATOR_STATUS_LABELS)}.`, enum: Object.keys(INDICATOR_STATUS_LABELS) })
  status!: IndicatorStatus;
  @ApiProperty({ description: '达到的最高预警线 (highest warning share reached), or null.', type: Number, nullable: true }) warningAt!: number | null;
  @ApiProperty({ description: '突破 (breach): instrument and 一票否决, or null.', type: () => IndicatorBreachView, nullable: true })
  breach!: IndicatorBreachView | null;
  @ApiProperty({ description: '计入的事故 (accidents counted).', type: [String] }) accidentIds!: string[];
  @ApiProperty({ description: '检查时间 (checked at).', format: 'date-time' }) checkedAt!: string;
}
