import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCIDENT_KINDS,
  ACCOUNTABILITY_ACTION_STATUS_LABELS,
  ESCALATION_INSTRUMENTS,
  type AccidentKind,
  type AccountabilityActionStatus,
  type EscalationInstrument,
} from '@duban/domain';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';
import { ControlIndicatorCheckView } from './control-indicator.view';

const STATUS = {
  description: `办理状态 (status): ${describeEnum(ACCOUNTABILITY_ACTION_STATUS_LABELS)}.`,
  enum: Object.keys(ACCOUNTABILITY_ACTION_STATUS_LABELS),
};
const nullableTime = (description: string) => ({ description, format: 'date-time', type: String, nullable: true });

/** 问责: a rule that fired over the accident record, with the office's obligation it opened. */
export class AccountabilityFiringView {
  @ApiProperty({ description: '问责编号 (firing key): `<ruleId>:<territoryId>:<period>:<kind|any>`.' }) firingKey!: string;
  @ApiProperty({ description: '规则 (rule) id.' }) ruleId!: string;
  @ApiProperty({ description: 'The rule as it fired (scope, window, count, grade, instrument, source).', type: 'object', additionalProperties: true })
  rule!: object;
  @ApiProperty({ description: '属地 (territory): the county, city or province it fired for.' }) territoryId!: string;
  @ApiProperty({ description: '期间 (period), the year.' }) period!: string;
  @ApiProperty({ description: '事故类别 (kind) of a same-kind rule, or null.', enum: ACCIDENT_KINDS, nullable: true }) kind!: AccidentKind | null;
  @ApiProperty({ description: '问责方式 (instrument), e.g. summons 约谈.', enum: ESCALATION_INSTRUMENTS }) instrument!: EscalationInstrument;
  @ApiProperty({ description: '触发的事故 (accidents that triggered it).', type: [String] }) accidentIds!: string[];
  @ApiProperty({ description: '触发日 (fired on), YYYY-MM-DD.' }) firedOn!: string;
  @ApiProperty({ description: 'Temporal workflow id of the obligation (问责事项).' }) workflowId!: string;
  @ApiProperty(STATUS) status!: AccountabilityActionStatus;
  @ApiProperty({ description: '立项时间 (opened at).', format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: '办理期限 (due).', format: 'date-time' }) due!: string;
  @ApiProperty(nullableTime('逾期时间 (overdue at), or null.')) overdueAt!: string | null;
  @ApiProperty(nullableTime('约谈时间 (held at), or null.')) heldAt!: string | null;
  @ApiProperty({ description: '约谈记录 (minutes), or null.', type: String, nullable: true }) minutes!: string | null;
  @ApiProperty({ description: '记录人 (recorded by), or null.', type: () => ActorView, nullable: true }) recordedBy!: ActorView | null;
  @ApiProperty(nullableTime('记录时间 (recorded at), or null.')) recordedAt!: string | null;
}

export class ActionTakenView {
  @ApiProperty({ description: '约谈时间 (held at).', format: 'date-time' }) heldAt!: string;
  @ApiProperty({ description: '约谈记录 (minutes).' }) minutes!: string;
  @ApiProperty({ description: '记录人 (recorded by).', type: () => ActorView }) recordedBy!: ActorView;
  @ApiProperty({ description: '记录时间 (recorded at).', format: 'date-time' }) recordedAt!: string;
}

/** The obligation's state from its workflow (问责事项办理). */
export class AccountabilityActionStateView {
  @ApiProperty({ description: '问责编号 (firing key).' }) firingKey!: string;
  @ApiProperty({ description: '规则 (rule) id.' }) ruleId!: string;
  @ApiProperty({ description: '属地 (territory).' }) territoryId!: string;
  @ApiProperty({ description: '期间 (period).' }) period!: string;
  @ApiPropertyOptional({ description: '事故类别 (kind).', enum: ACCIDENT_KINDS }) kind?: AccidentKind;
  @ApiProperty({ description: '问责方式 (instrument).', enum: ESCALATION_INSTRUMENTS }) instrument!: EscalationInstrument;
  @ApiProperty({ description: '触发的事故 (accidents).', type: [String] }) accidentIds!: string[];
  @ApiProperty({ description: '触发日 (fired on).' }) firedOn!: string;
  @ApiProperty(STATUS) status!: AccountabilityActionStatus;
  @ApiProperty({ description: '立项时间 (opened at).', format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: '办理期限 (due).', format: 'date-time' }) due!: string;
  @ApiPropertyOptional({ description: '逾期时间 (overdue at).', format: 'date-time' }) overdueAt?: string;
  @ApiPropertyOptional({ description: '约谈已开展 (the action taken).', type: () => ActionTakenView }) taken?: ActionTakenView;
}

/** One firing: its row in the record, and its obligation as its workflow holds it (null once Temporal no longer has it). */
export class AccountabilityFiringDetailView {
  @ApiProperty({ type: () => AccountabilityFiringView }) firing!: AccountabilityFiringView;
  @ApiProperty({ type: () => AccountabilityActionStateView, nullable: true }) action!: AccountabilityActionStateView | null;
}

/** A review run (按月检查): where it stands; once completed, the month checked and what it found within the caller's territory. */
export class AccidentRecordReviewRunView {
  @ApiProperty({ description: '检查编号 (run id).' }) runId!: string;
  @ApiProperty({ description: 'running 检查中 | completed 已完成 | failed 未完成.', enum: ['running', 'completed', 'failed'] })
  status!: 'running' | 'completed' | 'failed';
  @ApiPropertyOptional({ description: '检查月份 (month checked), once completed.' }) month?: string;
  @ApiPropertyOptional({ description: 'The checks of that month within the caller’s territory.', type: () => [ControlIndicatorCheckView] })
  checks?: ControlIndicatorCheckView[];
  @ApiPropertyOptional({ description: 'The firings it found within the caller’s territory.', type: () => [AccountabilityFiringView] })
  firings?: AccountabilityFiringView[];
  @ApiPropertyOptional({ description: 'Why it did not complete, or that it still runs.' }) message?: string;
}
