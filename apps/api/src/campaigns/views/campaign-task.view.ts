import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGION_LEVELS, type RegionLevel } from '@duban/domain';
import type { CampaignTaskRow, InspectionAssignmentRow } from '@duban/persistence';
import { TimeSpanDto } from '../dto/time-span.dto';

class PersonRefView {
  @ApiProperty({ description: 'Id (编号).' }) id!: string;
  @ApiProperty({ description: 'Name (姓名).' }) name!: string;
}

class TaskDeadlineView {
  @ApiPropertyOptional({ description: '截止时间 (due at) as given.', format: 'date-time' }) dueAt?: string;
  @ApiPropertyOptional({ description: '自下达起多久 (within) as given.', type: () => TimeSpanDto }) within?: TimeSpanDto;
}

class TaskRegionView {
  @ApiProperty({ description: '属地编号 (region id).' }) id!: string;
  @ApiProperty({ description: '属地名称 (region name).' }) name!: string;
  @ApiProperty({ description: '层级 (level): province 省 | city 市 | county 县/区 | town 乡镇/街道.', enum: REGION_LEVELS }) level!: RegionLevel;
}

/** 本级任务 (an office's own task below the campaign). */
export class CampaignTaskView implements Omit<CampaignTaskRow, 'deadline'> {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: '任务编号 (task id); the units owe it as obligation `deliverable:task:{taskId}`.' }) taskId!: string;
  @ApiProperty({ description: '任务名称 (title).' }) title!: string;
  @ApiProperty({ description: '佐证材料要求 (evidence required).' }) evidence!: string;
  @ApiProperty({ description: '期限 (deadline) as the office gave it.', type: () => TaskDeadlineView }) deadline!: TaskDeadlineView;
  @ApiProperty({ description: '截止时间 (due at), computed.', format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: '工作日历版本 (work calendar version) a working-day deadline was counted on.', type: String, nullable: true })
  calendarVersion!: string | null;
  @ApiProperty({ description: '适用单位 (units it binds).', type: [String] }) unitIds!: string[];
  @ApiProperty({ description: 'Whether the office named the units (false: every roster unit within its territory).' }) unitsListed!: boolean;
  @ApiProperty({ description: '下达人 (added by).', type: () => PersonRefView }) addedBy!: PersonRefView;
  @ApiProperty({ description: '下达层级 (the adding office’s region, 属地); null: an office bound by no territory.', type: String, nullable: true })
  regionId!: string | null;
  @ApiProperty({
    description:
      '下达层级 (level the task was added at): the region as the registry (单位库) names it now; null when unscoped or not in the registry.',
    type: () => TaskRegionView,
    nullable: true,
  })
  region!: TaskRegionView | null;
  @ApiProperty({ description: '下达时间 (added at).', format: 'date-time' }) addedAt!: string;
  @ApiProperty({ description: '事由 (reason).' }) reason!: string;
}

/** 检查组分工: one inspector on one unit. */
export class InspectionAssignmentView implements InspectionAssignmentRow {
  @ApiProperty({ description: '专项行动编号 (campaign id).' }) campaignId!: string;
  @ApiProperty({ description: '单位编号 (unit id).' }) unitId!: string;
  @ApiProperty({ description: '检查人员账号 (inspector id).' }) inspectorId!: string;
  @ApiProperty({ description: '检查人员姓名 (inspector name).' }) inspectorName!: string;
  @ApiProperty({ description: '分工人 (assigned by).', type: () => PersonRefView }) assignedBy!: PersonRefView;
  @ApiProperty({ description: '分工时间 (assigned at).', format: 'date-time' }) assignedAt!: string;
  @ApiProperty({ description: '事由 (reason).' }) reason!: string;
}
