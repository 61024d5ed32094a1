import { TEXT_LIMITS } from '@duban/domain';
import { IdField, StringListField, TextField } from '../../http/field-decorators';
import { TASK_UNITS_MAX } from './campaign-task.dto';

/** 撤销检查分工 (remove an assignment): the inspector and the units it no longer inspects. */
export class RemoveInspectionAssignmentDto {
  @IdField({ description: '检查人员账号 (inspector id: the account id its tokens carry).', example: 'inspector-zhang' })
  inspectorId!: string;

  @StringListField({
    description: '单位 (units) on the roster, within your territory.',
    max: 100,
    maxItems: TASK_UNITS_MAX,
    minItems: 1,
    unique: true,
    ids: true,
  })
  unitIds!: string[];

  @TextField({ description: '事由 (reason).', max: TEXT_LIMITS.longText, example: '检查组调整' })
  reason!: string;
}

/** 检查组分工 (assign an inspector): once a unit has one, only its assigned inspectors record inspections and findings on it. */
export class AssignInspectorDto extends RemoveInspectionAssignmentDto {
  @TextField({ description: '检查人员姓名 (inspector name).', max: TEXT_LIMITS.shortText, example: '张检查员' })
  inspectorName!: string;
}
