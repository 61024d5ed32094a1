import { ApiProperty } from '@nestjs/swagger';
import { ACCIDENT_EVENT_LABELS, type AccidentEventType, type Actor } from '@duban/domain';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';

/** One entry of an accident's audit trail (履职记录): who, when, why, and what changed. */
export class AccidentEventView {
  @ApiProperty({ description: 'Sequence number within the accident (事件序号), from 1.' })
  seq!: number;

  @ApiProperty({ description: `Event type 事件类型: ${describeEnum(ACCIDENT_EVENT_LABELS)}.`, enum: Object.keys(ACCIDENT_EVENT_LABELS) })
  type!: AccidentEventType;

  @ApiProperty({ description: 'When it was recorded (记录时间).', format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'Who (责任人): a person, or the system acting on policy (督办系统).', type: () => ActorView })
  actor!: Actor;

  @ApiProperty({ description: 'Why / on whose authority (事由).' })
  reason!: string;

  @ApiProperty({
    description: 'Type-specific payload as the domain defines it (e.g. grade_changed → { from, to }).',
    type: 'object',
    additionalProperties: true,
  })
  data!: object;
}

/** A page of an accident's audit trail (履职记录), in seq order. */
export class AccidentEventPageView {
  @ApiProperty({ type: [AccidentEventView] })
  items!: AccidentEventView[];

  @ApiProperty({ description: 'Pass as `cursor` for the next page (下一页); null on the last page.', type: String, nullable: true })
  next!: string | null;
}
