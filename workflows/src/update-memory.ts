import { isKeyedUpdateId, recallUpdate, rememberUpdate, type RecentUpdate } from '@duban/domain';

/**
 * The keyed updates (sent under an Idempotency-Key) one workflow answered lately: at most
 * RECENT_UPDATE_LIMIT, newest last, each with what it keeps to answer a retry. Temporal itself
 * recognises an update id again only within one run; this memory goes along into the next run
 * (the workflow's `carriedUpdates` input), so a retry that arrives after continue-as-new is still
 * answered, not applied a second time. Updates with ids the SDK drew are never remembered.
 */
export class UpdateMemory {
  private window: RecentUpdate[];

  constructor(carried: RecentUpdate[] | undefined) {
    this.window = carried ?? [];
  }

  /** What the update `id` of type `name` kept when it was answered, if this workflow remembers it. */
  recall(id: string, name: string): RecentUpdate | undefined {
    return recallUpdate(this.window, id, name);
  }

  /** Remembers a keyed update's answer (`kept`); an update id the SDK drew is left out. */
  remember(id: string, name: string, kept: unknown): void {
    if (isKeyedUpdateId(id)) this.window = rememberUpdate(this.window, { id, name, kept });
  }

  /** For continue-as-new: undefined while nothing is remembered, so the next run's input is what it was before keys existed. */
  carried(): RecentUpdate[] | undefined {
    return this.window.length > 0 ? this.window : undefined;
  }
}
