import { ApiProperty } from '@nestjs/swagger';
import { CampaignEventRowView } from './campaign-ledger.view';

/** A page of a campaign's audit trail (履职记录): the campaign's own events first, then each unit's, each in seq order. */
export class CampaignEventPageView {
  @ApiProperty({ type: [CampaignEventRowView] })
  items!: CampaignEventRowView[];

  @ApiProperty({ description: 'Pass as `cursor` for the next page (下一页); null on the last page.', type: String, nullable: true })
  next!: string | null;
}
