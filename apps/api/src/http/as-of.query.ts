import { DateTimeField } from './field-decorators';

/**
 * `?asOf=` on a read (某一时刻的状态): the state at that moment, folded from the recorded events
 * at or before it with the domain's own rules, instead of the state now.
 */
export class AsOfQuery {
  @DateTimeField({
    description:
      '某一时刻的状态 (state as of a moment): ISO 8601 date-time with a zone, not in the future. The answer is the state then, folded from the events recorded up to and including that instant, with `asOf` echoed; 404 if it did not exist yet.',
    optional: true,
  })
  asOf?: string;
}
