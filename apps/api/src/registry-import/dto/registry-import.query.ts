import { IMPORT_KINDS } from '@duban/registry-import';
import { BooleanQueryField, EnumField, TextField } from '../../http/field-decorators';

/** How an upload is imported (导入方式). */
export class RegistryImportQuery {
  @BooleanQueryField({
    description:
      '试运行 (dry run): `true` checks every row and reports every error, writing nothing. Default `false`: commit (all rows in one transaction, or none).',
  })
  dryRun?: boolean;

  @EnumField(IMPORT_KINDS, {
    description:
      '类别 (kind) of a .csv file when neither its name (e.g. `单位.csv`, `units.csv`) nor its header says: region, industry, unit or person.',
    optional: true,
  })
  kind?: (typeof IMPORT_KINDS)[number];

  @TextField({ description: '事由 (reason) recorded on every version written. Default: `导入 import of <file name>`.', optional: true, max: 200 })
  reason?: string;
}
