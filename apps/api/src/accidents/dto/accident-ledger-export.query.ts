import { OmitType } from '@nestjs/swagger';
import { ListAccidentsQuery } from './list-accidents.query';

/** The filters of GET /accidents, without paging: the export writes every row they match (事故台账导出). */
export class AccidentLedgerExportQuery extends OmitType(ListAccidentsQuery, ['limit', 'offset'] as const) {}
