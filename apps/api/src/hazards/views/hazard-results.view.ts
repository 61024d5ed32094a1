import { ApiProperty } from '@nestjs/swagger';
import type { HazardEvent, HazardState } from '@duban/domain';
import { HazardEventView } from './hazard-event.view';
import { HazardStateView } from './hazard-state.view';

/** What an accepted action answers: the events it recorded and the state after them. */
export class HazardUpdateResultView {
  @ApiProperty({ description: 'Events recorded by this action (本次记录的事件).', type: () => [HazardEventView] })
  events!: HazardEvent[];

  @ApiProperty({ description: 'The hazard\'s state after the action (一患一档).', type: () => HazardStateView })
  state!: HazardState;
}

/** What `POST /hazards` answers once the ledger row exists (登记成功). */
export class ReportHazardResultView {
  @ApiProperty({ description: 'The new hazard id (隐患编号), a UUID.', format: 'uuid' })
  hazardId!: string;

  @ApiProperty({ description: 'The hazard\'s state right after registration (e.g. already 挂牌督办 for a major hazard).', type: () => HazardStateView })
  state!: HazardState;
}
