import { BooleanQueryField } from '../../http/field-decorators';

/** How a ledger upload is imported (隐患台账导入). */
export class HazardImportQuery {
  @BooleanQueryField({
    description:
      '试运行 (dry run): `true` checks every row and reports every error, starting nothing. Default `false`: commit (every new row’s hazard started, or none when any row is faulty).',
  })
  dryRun?: boolean;
}
