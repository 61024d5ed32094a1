import type { ProjectedEvents } from '@duban/workflows';

/**
 * A ledger projection activity from a writer's idempotent `record`: writes, then answers the events
 * written, which a local activity's marker keeps in history for reconciliation (台账核对).
 */
export function projectionActivity<Input extends { events: unknown[] }>(
  record: (input: Input) => Promise<unknown>,
): (input: Input) => Promise<ProjectedEvents<Input['events'][number]>> {
  return async (input) => {
    await record(input);
    return { events: input.events };
  };
}
