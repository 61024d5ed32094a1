import { TEXT_LIMITS, type AddCampaignTaskArgs, type CampaignTaskSpec } from '@duban/domain';
import { DateTimeField, IdField, NestedField, StringListField, TextField } from '../../http/field-decorators';
import { TimeSpanDto } from './time-span.dto';

/** The most units one task names (a county's roster; more: leave `unitIds` out for the whole territory). */
export const TASK_UNITS_MAX = 5_000;

/** 期限 (deadline): exactly one of an instant or a span from now on the campaign's work calendar. */
export class TaskDeadlineDto {
  @DateTimeField({
    description: '截止时间 (due at), after now and no later than the campaign ends (`campaign.task.deadline_past`, `campaign.task.after_end`).',
    optional: true,
    example: '2026-03-05T09:00:00.000Z',
  })
  dueAt?: string;

  @NestedField(() => TimeSpanDto, {
    description: '自下达起多久 (within): e.g. 5 workdays 工作日, counted on the work calendar the campaign uses (调休 included).',
    optional: true,
  })
  within?: TimeSpanDto;
}

/** 下达本级任务 (比照落实): an office's own task for roster units within its territory. */
export class AddCampaignTaskDto implements Omit<AddCampaignTaskArgs, 'task' | 'units'>, Omit<CampaignTaskSpec, 'deadline'> {
  @IdField({
    description: '任务编号 (task id), chosen by the office: a repeat with the same body answers the same, another body 409 `campaign.task.id_taken`.',
    example: 'county-east-plan',
  })
  taskId!: string;

  @TextField({ description: '任务名称 (title).', max: TEXT_LIMITS.title, example: '东城区实施方案及领导小组名单' })
  title!: string;

  @TextField({
    description: '佐证材料要求 (evidence required): what each unit hands in.',
    max: TEXT_LIMITS.longText,
    example: '盖章的实施方案扫描件',
  })
  evidence!: string;

  @NestedField(() => TaskDeadlineDto, { description: '期限 (deadline): `dueAt` or `within`, exactly one.' })
  deadline!: TaskDeadlineDto;

  @StringListField({
    description:
      '适用单位 (units) on the roster, each within your territory (else 403 `permission.outside_territory` naming it); absent: every roster unit within your territory.',
    max: 100,
    maxItems: TASK_UNITS_MAX,
    minItems: 1,
    unique: true,
    ids: true,
    optional: true,
  })
  unitIds?: string[];

  @TextField({ description: '事由 (reason): why the office adds it.', max: TEXT_LIMITS.longText, example: '落实市专项行动部署' })
  reason!: string;
}
