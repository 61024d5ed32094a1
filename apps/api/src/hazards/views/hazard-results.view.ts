import { ApiProperty } from '@nestjs/swagger';
import type { HazardEvent, HazardState } from '@duban/domain';
import { HazardEventView } from './hazard-event.view';
import { HazardStateView } from './hazard-state.view';

/** What an accepted action answers: the events it recorded and the state after them. */
export class HazardUpdateResultView {
  @ApiProperty({ description: 'Events recorded by this action (本次记录的事件).', type: () => [HazardEventView] })
  events!: HazardEvent[];

  @ApiProperty({ description: "The hazard's state after the action (一患一档).", type: () => HazardStateView })
  state!: HazardState;
}

/** What `POST /hazards` answers (201) once the ledger row exists (登记成功). */
export class ReportHazardResultView {
  @ApiProperty({ description: 'The new hazard id (隐患编号), a UUID.', format: 'uuid' })
  hazardId!: string;

  @ApiProperty({ description: '已登记 (registered): always `true` here — the ledger (台账) row exists.', enum: [true], type: Boolean })
  registered!: true;

  @ApiProperty({
    description: "The hazard's state right after registration (e.g. already 挂牌督办 for a major hazard).",
    type: () => HazardStateView,
  })
  state!: HazardState;
}

/** What `POST /hazards` answers (202) when no worker registered the hazard within the registration timeout. */
export class ReportHazardAcceptedView {
  @ApiProperty({ description: 'The new hazard id (隐患编号), a UUID: read it back with GET /hazards/:id once registered.', format: 'uuid' })
  hazardId!: string;

  @ApiProperty({ description: '已受理，尚未登记 (accepted, not yet registered): always `false` here.', enum: [false], type: Boolean })
  registered!: false;

  @ApiProperty({
    description:
      'Why the ledger (台账) does not show it yet, e.g. `hazard <id> accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within 20 s)`.',
  })
  message!: string;
}
