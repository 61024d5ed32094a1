import { REGION_LEVEL_LABELS, REGION_LEVELS, type RegionLevel } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { EnumField, TextField } from '../../http/field-decorators';
import { ExpectedVersionField, ReasonField, RegistryIdField } from './registry-fields';

class RegionFields {
  @TextField({ description: '名称 (name).', max: 200, example: '西湖区' })
  name!: string;

  @EnumField(REGION_LEVELS, { description: `层级 (level): ${describeEnum(REGION_LEVEL_LABELS)}; one below the parent's.` })
  level!: RegionLevel;

  @RegistryIdField('上级属地 (parent region) id; absent only for a province. Fixed once created.', true)
  parentId?: string;

  @TextField({
    description:
      '行政区划代码 (official code): 6 digits for a county and above, 9 or 12 for a town, beginning with the parent’s part (`registry.region.code_*`).',
    max: 12,
    pattern: '^([0-9]{6}|[0-9]{9}|[0-9]{12})$',
    optional: true,
    example: '330106',
  })
  code?: string;
}

export class CreateRegionDto extends RegionFields {
  @RegistryIdField('属地编号 (region id), e.g. its 行政区划代码.')
  id!: string;

  @ReasonField()
  reason!: string;
}

export class UpdateRegionDto extends RegionFields {
  @ExpectedVersionField()
  expectedVersion!: number;

  @ReasonField()
  reason!: string;
}
