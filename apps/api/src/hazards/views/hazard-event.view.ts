import { ApiProperty } from '@nestjs/swagger';
import { HAZARD_EVENT_LABELS, type HazardEventType } from '@duban/domain';
import { ledgerEventView } from '../../http/ledger-event.view';

/** One entry of the audit trail (履职记录): who, when, why, and what changed. */
export class HazardEventView extends ledgerEventView<HazardEventType>({
  of: 'hazard',
  labels: HAZARD_EVENT_LABELS,
  at: 'When it happened (发生时间).',
  dataExample: 'plan_submitted → { plan }',
  id: { name: 'hazardId', description: 'Hazard id (隐患编号).' },
}) {
  hazardId?: string;
}

/** An escalation (督办升级) with the hazard it concerns. */
export class HazardEscalationView extends HazardEventView {
  @ApiProperty({ description: 'Hazard id (隐患编号).', format: 'uuid' })
  override hazardId!: string;
}
