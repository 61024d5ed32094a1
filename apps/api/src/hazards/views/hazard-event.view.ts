import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HAZARD_EVENT_LABELS, type Actor, type HazardEventType } from '@duban/domain';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';

/** One entry of the audit trail (履职记录): who, when, why, and what changed. */
export class HazardEventView {
  @ApiPropertyOptional({ description: 'Hazard id (隐患编号).', format: 'uuid' })
  hazardId?: string;

  @ApiProperty({ description: 'Sequence number within the hazard (事件序号), from 1.' })
  seq!: number;

  @ApiProperty({ description: `Event type 事件类型: ${describeEnum(HAZARD_EVENT_LABELS)}.`, enum: Object.keys(HAZARD_EVENT_LABELS) })
  type!: HazardEventType;

  @ApiProperty({ description: 'When it happened (发生时间).', format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'Who (责任人): a person, or the system acting on policy (督办系统).', type: () => ActorView })
  actor!: Actor;

  @ApiProperty({ description: 'Why / on whose authority (事由).' })
  reason!: string;

  @ApiProperty({
    description: 'Type-specific payload as the domain defines it (e.g. plan_submitted → { plan }).',
    type: 'object',
    additionalProperties: true,
  })
  data!: object;
}

/** An escalation (督办升级) with the hazard it concerns. */
export class HazardEscalationView extends HazardEventView {
  @ApiProperty({ description: 'Hazard id (隐患编号).', format: 'uuid' })
  override hazardId!: string;
}
