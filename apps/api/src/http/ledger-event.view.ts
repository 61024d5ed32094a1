import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { ActorView } from './actor.view';
import { describeEnum } from './describe-enum';

/** What differs between one aggregate's audit trail entries and another's, as the API documents them. */
export interface LedgerEventViewOptions {
  /** What the events belong to, as the sequence number's description names it ('hazard'). */
  of: string;
  /** The event types with their zh labels: the `type` enum and its description. */
  labels: Readonly<Record<string, string>>;
  /** What `at` is (the trail records when it happened, or when it was recorded). */
  at: string;
  /** An example of a type-specific payload, for `data`'s description ('grade_changed → { from, to }'). */
  dataExample: string;
  /** The aggregate's id, documented first and optional (a trail entry may carry it). */
  id?: { name: string; description: string };
}

/** The entry's own fields; `type` is one of the aggregate's event types. */
export interface LedgerEventFields<Type extends string> {
  seq: number;
  type: Type;
  at: string;
  actor: Actor;
  reason: string;
  data: object;
}

/** The optional id, declared before the other fields so the document lists it first. */
function withId(id: LedgerEventViewOptions['id']): abstract new () => object {
  abstract class LedgerEventId {}
  if (id) ApiPropertyOptional({ description: id.description, format: 'uuid', type: String })(LedgerEventId.prototype, id.name);
  return LedgerEventId;
}

/**
 * One entry of an aggregate's audit trail (履职记录): who, when, why, and what changed. Every
 * ledger's event view extends this (`class HazardEventView extends ledgerEventView({...}) {}`),
 * so the subclass names the schema and the fields are documented once.
 */
export function ledgerEventView<Type extends string>(options: LedgerEventViewOptions): abstract new () => LedgerEventFields<Type> {
  abstract class LedgerEventView extends withId(options.id) implements LedgerEventFields<Type> {
    @ApiProperty({ description: `Sequence number within the ${options.of} (事件序号), from 1.` })
    seq!: number;

    @ApiProperty({ description: `Event type 事件类型: ${describeEnum(options.labels)}.`, enum: Object.keys(options.labels) })
    type!: Type;

    @ApiProperty({ description: options.at, format: 'date-time' })
    at!: string;

    @ApiProperty({ description: 'Who (责任人): a person, or the system acting on policy (督办系统).', type: () => ActorView })
    actor!: Actor;

    @ApiProperty({ description: 'Why / on whose authority (事由).' })
    reason!: string;

    @ApiProperty({
      description: `Type-specific payload as the domain defines it (e.g. ${options.dataExample}).`,
      type: 'object',
      additionalProperties: true,
    })
    data!: object;
  }
  return LedgerEventView;
}

/** A page of an audit trail (履职记录) of `item` entries, in seq order; the subclass names the schema. */
export function ledgerEventPageView<Item>(item: abstract new () => Item): abstract new () => { items: Item[]; next: string | null } {
  abstract class LedgerEventPageView {
    @ApiProperty({ type: [item] })
    items!: Item[];

    @ApiProperty({ description: 'Pass as `cursor` for the next page (下一页); null on the last page.', type: String, nullable: true })
    next!: string | null;
  }
  return LedgerEventPageView;
}
