import { ApiProperty } from '@nestjs/swagger';
import type { AccidentEvent, AccidentState } from '@duban/domain';
import { AccidentEventView } from './accident-event.view';
import { AccidentStateView } from './accident-state.view';

/** What an accepted action answers: the events it recorded and the state after them. */
export class AccidentUpdateResultView {
  @ApiProperty({ description: 'Events recorded by this action (本次记录的事件).', type: () => [AccidentEventView] })
  events!: AccidentEvent[];

  @ApiProperty({ description: "The accident's state after the action.", type: () => AccidentStateView })
  state!: AccidentState;
}

/** What `POST /accidents` answers (201) once the ledger row exists (登记成功). */
export class ReportAccidentResultView {
  @ApiProperty({ description: 'The new accident id (事故编号), a UUID.', format: 'uuid' })
  accidentId!: string;

  @ApiProperty({ description: '已登记 (registered): always `true` here — the ledger (事故台账) row exists.', enum: [true], type: Boolean })
  registered!: true;

  @ApiProperty({ description: "The accident's state right after registration (grade computed).", type: () => AccidentStateView })
  state!: AccidentState;
}

/** What `POST /accidents` answers (202) when no worker registered the accident within the registration timeout. */
export class ReportAccidentAcceptedView {
  @ApiProperty({ description: 'The new accident id (事故编号): read it back with GET /accidents/:id once registered.', format: 'uuid' })
  accidentId!: string;

  @ApiProperty({ description: '已受理，尚未登记 (accepted, not yet registered): always `false` here.', enum: [false], type: Boolean })
  registered!: false;

  @ApiProperty({ description: 'Why the ledger does not show it yet.' })
  message!: string;
}
