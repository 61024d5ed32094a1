import { ACTION_MINUTES_MAX } from '@duban/domain';
import { DateTimeField, TextField } from '../../http/field-decorators';

/** 约谈已开展: when the summons was held and its minutes; the firing's obligation is then done. */
export class RecordActionTakenDto {
  @DateTimeField({ description: '约谈时间 (when the summons was held), ISO 8601; not in the future.' })
  heldAt!: string;

  @TextField({ description: '约谈记录 (minutes).', max: ACTION_MINUTES_MAX })
  minutes!: string;
}
