import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_ORIGINS,
  REFERRAL_OUTCOMES,
  SUSPENSION_STATUS_LABELS,
  SUSPENSION_STATUSES,
  type CaseOrigin,
  type EnforcementCaseState,
  ROLE_LABELS,
  type ReferralOutcome,
  type Role,
  type SuspensionStatus,
} from '@duban/domain';
import type { EnforcementLedgerRow } from '@duban/persistence';
import { AsOfEchoProperty, StateSourceProperty } from '../../http/as-of.view';
import { describeEnum } from '../../http/describe-enum';
import { EnforcementStateView } from './enforcement-state.view';

const nullableTime = (description: string) => ({ description, format: 'date-time', type: String, nullable: true });

export class EnforcementOpenerView {
  @ApiProperty({ description: 'Person id.' }) id!: string;
  @ApiProperty({ description: 'Name 姓名.' }) name!: string;
  @ApiProperty({ description: `Role 角色: ${describeEnum(ROLE_LABELS)}.`, enum: Object.keys(ROLE_LABELS) }) role!: Role | 'system';
}

/** One row of the enforcement ledger (执法台账), from PostgreSQL. */
export class EnforcementLedgerRowView implements EnforcementLedgerRow {
  @ApiProperty({ description: '案件编号 (case id).' }) caseId!: string;
  @ApiProperty({ description: 'Temporal workflow id (执法案件流程).' }) workflowId!: string;
  @ApiProperty({ description: '被执法单位 (unit) id.' }) unitId!: string;
  @ApiProperty({ description: '地区 (region) id.' }) regionId!: string;
  @ApiProperty({ description: '行业 (industry) id, or null.', type: String, nullable: true }) industryId!: string | null;
  @ApiProperty({ description: '案件来源 (origin).', enum: CASE_ORIGINS }) origin!: CaseOrigin;
  @ApiProperty({ description: '来源记录 (source record), or null.', type: String, nullable: true }) sourceRef!: string | null;
  @ApiProperty({ description: 'open 办理中 | closed 已结案.', enum: ['open', 'closed'] }) status!: EnforcementCaseState['status'];
  @ApiProperty({
    description: `停产整顿进展 (suspension status): ${describeEnum(SUSPENSION_STATUS_LABELS)}; null when none was imposed.`,
    enum: SUSPENSION_STATUSES,
    nullable: true,
  })
  suspensionStatus!: SuspensionStatus | null;
  @ApiProperty({ description: '停产中 (suspended and still supervised).' }) suspended!: boolean;
  @ApiProperty(nullableTime('停产整顿时间 (suspended at), or null.')) suspendedAt!: string | null;
  @ApiProperty(nullableTime('复工复产时间 (resumed at), or null.')) resumedAt!: string | null;
  @ApiProperty({ description: '上限处罚合计 (fines over all respondents), whole yuan; 0 when none.' }) fineTotalYuan!: number;
  @ApiProperty({ description: '移送司法 (referred).' }) referred!: boolean;
  @ApiProperty({ description: '司法机关答复 (referral outcome), or null.', enum: REFERRAL_OUTCOMES, nullable: true })
  referralOutcome!: ReferralOutcome | null;
  @ApiProperty({ description: '关闭取缔 (closure imposed).' }) closureImposed!: boolean;
  @ApiProperty({ description: '涉嫌犯罪 (flagged criminal).' }) criminal!: boolean;
  @ApiProperty({ description: '当事人数 (respondents).' }) respondentCount!: number;
  @ApiProperty({ description: '违法行为数 (violations).' }) violationCount!: number;
  @ApiProperty({ description: '立案时间 (opened at).', format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: 'Who opened it (立案人).', type: () => EnforcementOpenerView }) openedBy!: EnforcementOpenerView;
  @ApiProperty(nullableTime('结案时间 (closed at), or null.')) closedAt!: string | null;
  @ApiProperty(nullableTime('下次停产监管检查 (next supervision check due), or null.')) nextCheckDue!: string | null;
  @ApiProperty({ description: '逾期未检查次数 (supervision checks missed).' }) missedCheckCount!: number;
  @ApiProperty({ description: 'Sequence number of the last event the row reflects.' }) version!: number;
  @ApiProperty({ description: 'When the row was last written.', format: 'date-time' }) updatedAt!: string;
}

export class EnforcementLedgerPageView {
  @ApiProperty({ description: 'Rows of this page, newest case (立案) first.', type: () => [EnforcementLedgerRowView] })
  items!: EnforcementLedgerRow[];

  @ApiProperty({ description: 'Rows matching the filters in all (总数).' })
  total!: number;
}

/** GET /enforcement-cases/:caseId — the authoritative state and the ledger row. */
export class EnforcementDetailView {
  @ApiProperty({
    description: 'Authoritative state, from the case workflow; the last ledger snapshot once it is no longer on record.',
    type: () => EnforcementStateView,
  })
  state!: EnforcementCaseState;

  @StateSourceProperty()
  stateSource!: 'workflow' | 'ledger' | 'events';

  @ApiPropertyOptional({
    description: 'The ledger row (执法台账) in PostgreSQL; absent on an `asOf` read (the row is today’s).',
    type: () => EnforcementLedgerRowView,
  })
  ledger?: EnforcementLedgerRow;

  @AsOfEchoProperty()
  asOf?: string;
}
