import { ApiProperty } from '@nestjs/swagger';
import type { EnforcementCaseState, EnforcementEvent } from '@duban/domain';
import { EnforcementEventView } from './enforcement-event.view';
import { EnforcementStateView } from './enforcement-state.view';

/** What an accepted action answers: the events it recorded and the state after them. */
export class EnforcementUpdateResultView {
  @ApiProperty({ description: 'Events recorded by this action (本次记录的事件).', type: () => [EnforcementEventView] })
  events!: EnforcementEvent[];

  @ApiProperty({ description: "The case's state after the action.", type: () => EnforcementStateView })
  state!: EnforcementCaseState;
}

/** What `POST /enforcement-cases` answers (201) once the ledger row exists (立案登记成功). */
export class OpenEnforcementCaseResultView {
  @ApiProperty({ description: 'The new case id (案件编号), a UUID.', format: 'uuid' })
  caseId!: string;

  @ApiProperty({ description: '已登记 (registered): always `true` here — the ledger (执法台账) row exists.', enum: [true], type: Boolean })
  registered!: true;

  @ApiProperty({ description: "The case's state right after 立案.", type: () => EnforcementStateView })
  state!: EnforcementCaseState;
}

/** What `POST /enforcement-cases` answers (202) when no worker registered the case within the registration timeout. */
export class OpenEnforcementCaseAcceptedView {
  @ApiProperty({ description: 'The new case id (案件编号): read it back with GET /enforcement-cases/:caseId once registered.', format: 'uuid' })
  caseId!: string;

  @ApiProperty({ description: '已受理，尚未登记 (accepted, not yet registered): always `false` here.', enum: [false], type: Boolean })
  registered!: false;

  @ApiProperty({ description: 'Why the ledger does not show it yet.' })
  message!: string;
}
