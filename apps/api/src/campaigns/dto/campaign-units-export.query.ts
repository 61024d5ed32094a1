import { OmitType } from '@nestjs/swagger';
import { ListCampaignUnitsQuery } from './list-campaign-units.query';

/** The filters of GET /campaigns/:id/units, without paging: the export writes every unit they match (单位任务台账导出). */
export class CampaignUnitsExportQuery extends OmitType(ListCampaignUnitsQuery, ['limit', 'offset'] as const) {}
