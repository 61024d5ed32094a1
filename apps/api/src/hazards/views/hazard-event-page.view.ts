import { ApiProperty } from '@nestjs/swagger';
import { HazardEventView } from './hazard-event.view';

/** A page of a hazard's audit trail (履职记录), in seq order. */
export class HazardEventPageView {
  @ApiProperty({ type: [HazardEventView] })
  items!: HazardEventView[];

  @ApiProperty({ description: 'Pass as `cursor` for the next page (下一页); null on the last page.', type: String, nullable: true })
  next!: string | null;
}
