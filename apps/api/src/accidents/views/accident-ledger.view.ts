import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCIDENT_GRADE_LABELS,
  ACCIDENT_GRADES,
  ACCIDENT_KINDS,
  ACCIDENT_SECTORS,
  AUTHORITY_LEVEL_LABELS,
  AUTHORITY_LEVELS,
  ROLE_LABELS,
  type AccidentGrade,
  type AccidentKind,
  type AccidentSector,
  type AccidentState,
  type AuthorityLevel,
  type Role,
} from '@duban/domain';
import type { AccidentLedgerRow } from '@duban/persistence';
import { AsOfEchoProperty, StateSourceProperty } from '../../http/as-of.view';
import { describeEnum } from '../../http/describe-enum';
import { AccidentStateView } from './accident-state.view';
import { CasualtiesView } from './casualties.view';

const nullableTime = (description: string) => ({ description, format: 'date-time', type: String, nullable: true });

export class AccidentRecorderView {
  @ApiProperty({ description: 'Person id.' }) id!: string;
  @ApiProperty({ description: 'Name 姓名.' }) name!: string;
  @ApiProperty({ description: `Role 角色: ${describeEnum(ROLE_LABELS)}.`, enum: Object.keys(ROLE_LABELS) }) role!: Role | 'system';
}

/** One row of the accident ledger (事故台账), from PostgreSQL. */
export class AccidentLedgerRowView implements AccidentLedgerRow {
  @ApiProperty({ description: '事故编号 (accident id).' }) accidentId!: string;
  @ApiProperty({ description: 'Temporal workflow id (事故调查处理流程).' }) workflowId!: string;
  @ApiProperty({ description: '事故发生单位 (unit) id.' }) unitId!: string;
  @ApiProperty({ description: '事故发生地 (region) id.' }) regionId!: string;
  @ApiProperty({ description: '行业 (industry).' }) industry!: string;
  @ApiProperty({ description: '统计口径 (sector).', enum: ACCIDENT_SECTORS }) sector!: AccidentSector;
  @ApiProperty({ description: '事故类别 (kind).', enum: ACCIDENT_KINDS }) kind!: AccidentKind;
  @ApiProperty({ description: `事故等级 (grade): ${describeEnum(ACCIDENT_GRADE_LABELS)}.`, enum: ACCIDENT_GRADES }) grade!: AccidentGrade;
  @ApiProperty({ description: '发生时间 (occurred at).', format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: '登记时间 (recorded at).', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'Who recorded it (登记人).', type: () => AccidentRecorderView }) recordedBy!: AccidentRecorderView;
  @ApiProperty({ description: 'unit_report 单位报告 | tip_off 举报核实.', enum: ['unit_report', 'tip_off'] }) openedFrom!: 'unit_report' | 'tip_off';
  @ApiProperty({ description: '伤亡情况 (casualties), latest.', type: () => CasualtiesView }) casualties!: CasualtiesView;
  @ApiProperty({ description: '瞒报/谎报 flags found.' }) concealmentFlags!: number;
  @ApiProperty({
    description: '调查状态 (investigation): investigating 调查中 | closed 已结案; null before one opens.',
    enum: ['investigating', 'closed'],
    nullable: true,
  })
  investigationStatus!: 'investigating' | 'closed' | null;
  @ApiProperty({
    description: `调查级别 (level): ${describeEnum(AUTHORITY_LEVEL_LABELS)}; null before one opens.`,
    enum: AUTHORITY_LEVELS,
    nullable: true,
  })
  investigationLevel!: AuthorityLevel | null;
  @ApiProperty(nullableTime('调查报告期限 (report due), or null.')) reportDue!: string | null;
  @ApiProperty({ description: '调查报告逾期 (report overdue).' }) reportOverdue!: boolean;
  @ApiProperty({ description: '挂牌督办的安委会级别 (listed by), or null.', enum: AUTHORITY_LEVELS, nullable: true })
  listedByLevel!: AuthorityLevel | null;
  @ApiProperty({ description: '四不放过 gates still open, or null before an investigation opens.', type: Number, nullable: true }) openGates!:
    number | null;
  @ApiProperty(nullableTime('结案时间 (closed at), or null.')) closedAt!: string | null;
  @ApiProperty({ description: '专项行动 (campaign) id, or null.', type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ description: '处理规则 (policy) id.' }) policyId!: string;
  @ApiProperty({ description: 'Sequence number of the last event the row reflects.' }) version!: number;
  @ApiProperty({ description: 'When the row was last written.', format: 'date-time' }) updatedAt!: string;
}

export class AccidentLedgerPageView {
  @ApiProperty({ description: 'Rows of this page, newest accident first.', type: () => [AccidentLedgerRowView] })
  items!: AccidentLedgerRow[];

  @ApiProperty({ description: 'Rows matching the filters in all (总数).' })
  total!: number;
}

/** GET /accidents/:id — the authoritative state and the ledger row. */
export class AccidentDetailView {
  @ApiProperty({
    description: 'Authoritative state, from the accident workflow; the last ledger snapshot once it is no longer on record.',
    type: () => AccidentStateView,
  })
  state!: AccidentState;

  @StateSourceProperty()
  stateSource!: 'workflow' | 'ledger' | 'events';

  @ApiPropertyOptional({
    description: 'The ledger row (事故台账) in PostgreSQL; absent on an `asOf` read (the row is today’s).',
    type: () => AccidentLedgerRowView,
  })
  ledger?: AccidentLedgerRow;

  @AsOfEchoProperty()
  asOf?: string;
}
