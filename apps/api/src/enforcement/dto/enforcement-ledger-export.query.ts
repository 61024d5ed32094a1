import { OmitType } from '@nestjs/swagger';
import { ListEnforcementCasesQuery } from './list-enforcement-cases.query';

/** The filters of GET /enforcement-cases, without paging: the export writes every row they match (执法台账导出). */
export class EnforcementLedgerExportQuery extends OmitType(ListEnforcementCasesQuery, ['limit', 'offset'] as const) {}
