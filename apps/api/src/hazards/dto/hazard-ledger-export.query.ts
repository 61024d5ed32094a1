import { OmitType } from '@nestjs/swagger';
import { ListHazardsQuery } from './list-hazards.query';

/** The filters of GET /hazards, without paging: the export writes every row they match (隐患台账导出). */
export class HazardLedgerExportQuery extends OmitType(ListHazardsQuery, ['limit', 'offset'] as const) {}
