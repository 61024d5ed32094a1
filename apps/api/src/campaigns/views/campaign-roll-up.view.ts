import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GovernmentRollUp, RollUpStatus } from '@duban/domain';

const ROLL_UP_STATUSES: RollUpStatus[] = ['on_time', 'late', 'missing', 'pending'];

class RollUpGovernmentView {
  @ApiProperty({ description: '政府单位编号 (the government unit on the roster).' }) unitId!: string;
  @ApiProperty({ description: '名称, e.g. 东城区人民政府.' }) name!: string;
  @ApiProperty({ description: '辖区 (its region).' }) regionId!: string;
}

class RollUpFilingView {
  @ApiProperty({ description: '汇总义务编号, `report:<rollUpId>:<YYYY-MM-DD>`.' }) obligationId!: string;
  @ApiProperty({ description: '名称, e.g. 一日一汇总.' }) name!: string;
  @ApiProperty({ description: '截止时间 (cut-off).' }) dueAt!: string;
  @ApiProperty({
    enum: ROLL_UP_STATUSES,
    description: 'on_time 按时, late 迟报, missing 未报 (past the cut-off), pending 未到截止时间 (before it).',
  })
  status!: RollUpStatus;
  @ApiPropertyOptional({ description: '报送时间 (when it was filed).' }) submittedAt?: string;
  @ApiPropertyOptional({ description: '汇总内容 (what the county summarised).', nullable: true, type: String }) content?: string | null;
  @ApiPropertyOptional({ description: '零报告.' }) zero?: boolean;
}

class RollUpUnitsView {
  @ApiProperty({ description: "所汇总的下级报送 (the units' report obligation of the day); empty when none was due." }) obligationId!: string;
  @ApiProperty({ description: '应报单位数 (active units of the region and below that owe it).' }) owed!: number;
  @ApiProperty({ description: '已报 (units that reported).', type: [String] }) reported!: string[];
  @ApiProperty({ description: '未报 (units without a report once their cut-off has passed).', type: [String] }) missing!: string[];
}

/** 一日一汇总 by county: one government's roll-up of one day, and its units below. */
export class GovernmentRollUpView implements GovernmentRollUp {
  @ApiProperty({ type: () => RollUpGovernmentView }) government!: RollUpGovernmentView;
  @ApiProperty({ type: () => RollUpFilingView }) rollUp!: RollUpFilingView;
  @ApiProperty({ type: () => RollUpUnitsView }) units!: RollUpUnitsView;
}

export class CampaignRollUpsView {
  @ApiProperty({ description: 'The day (日期), YYYY-MM-DD, China Standard Time.', example: '2026-12-01' }) date!: string;
  @ApiProperty({
    description:
      'Per government on the roster (比照落实), per roll-up due that day; empty when the template has no cascade. A unit token: its own only.',
    type: () => [GovernmentRollUpView],
  })
  rollUps!: GovernmentRollUpView[];
}
