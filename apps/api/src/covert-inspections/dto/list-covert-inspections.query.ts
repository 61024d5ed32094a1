import { IdField, EnumField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';

/** Filters of the covert-inspection ledger (暗访台账); what a reader may see bounds it first (plans hidden until done). */
export class ListCovertInspectionsQuery extends PageQuery {
  @EnumField(['planned', 'completed'], { description: '状态 (status): planned 进行中 | completed 已结束.', optional: true })
  status?: 'planned' | 'completed';

  @IdField({ description: '组织区域 (the region of the office that runs it), exact match.', optional: true })
  regionId?: string;
}
