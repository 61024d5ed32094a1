import { ApiProperty } from '@nestjs/swagger';
import { ENFORCEMENT_EVENT_LABELS, type EnforcementEventType } from '@duban/domain';
import { ledgerEventPageView, ledgerEventView } from '../../http/ledger-event.view';

/** One entry of a case's audit trail (执法记录): who, when, why, under which law, and what changed. */
export class EnforcementEventView extends ledgerEventView<EnforcementEventType>({
  of: 'case',
  labels: ENFORCEMENT_EVENT_LABELS,
  at: 'When it happened (时间).',
  dataExample: 'fine_imposed → { respondentId, amountYuan, upperLimitYuan }',
}) {
  @ApiProperty({ description: '法律依据 (legal basis): the article of a decision, or the policy’s source for a procedural step.' })
  legalBasis!: string;
}

/** A page of a case's audit trail, in seq order. */
export class EnforcementEventPageView extends ledgerEventPageView(EnforcementEventView) {}
