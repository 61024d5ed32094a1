import { TextField } from '../../http/field-decorators';
import { ExpectedVersionField, ReasonField, RegistryIdField } from './registry-fields';

class IndustryFields {
  @TextField({ description: '行业名称 (name).', max: 200, example: '危险化学品' })
  name!: string;

  @RegistryIdField('上级行业 (parent industry, a grouping such as 工矿商贸) id. Fixed once created.', true)
  parentId?: string;
}

export class CreateIndustryDto extends IndustryFields {
  @RegistryIdField('行业编号 (industry id).')
  id!: string;

  @ReasonField()
  reason!: string;
}

export class UpdateIndustryDto extends IndustryFields {
  @ExpectedVersionField()
  expectedVersion!: number;

  @ReasonField()
  reason!: string;
}
