/**
 * Updates sent under an Idempotency-Key carry an id derived from it (`idempotency:<uuid>`);
 * Temporal recognises a repeated id within one workflow run, and each workflow remembers its
 * recent keyed ids itself so that one is still recognised after continue-as-new.
 */
export const KEYED_UPDATE_ID_PREFIX = 'idempotency:';

/** The update id of a request sent under an Idempotency-Key: `idempotency:<the request's derived uuid>`. */
export function keyedUpdateId(requestId: string): string {
  return `${KEYED_UPDATE_ID_PREFIX}${requestId}`;
}

/** Whether an update id was derived from an Idempotency-Key (ids Temporal's SDK draws are plain UUIDs). */
export function isKeyedUpdateId(updateId: string): boolean {
  return updateId.startsWith(KEYED_UPDATE_ID_PREFIX);
}

/** One keyed update a workflow answered: its id, its update name, and what it keeps to answer a retry. */
export interface RecentUpdate<Kept = unknown> {
  id: string;
  name: string;
  kept: Kept;
}

/**
 * How many keyed updates a workflow remembers (the newest; older ones are forgotten). A retry
 * comes within seconds or minutes of its first attempt; 32 bounds the state each workflow
 * carries across continue-as-new to 32 small answers (the events recorded, no state).
 */
export const RECENT_UPDATE_LIMIT = 32;

/** The remembered update with this id and name, if any. */
export function recallUpdate<Kept>(window: ReadonlyArray<RecentUpdate<Kept>>, id: string, name: string): RecentUpdate<Kept> | undefined {
  return window.find((entry) => entry.id === id && entry.name === name);
}

/** The window with `entry` as its newest (an entry with the same id replaced), the oldest dropped beyond `limit`. */
export function rememberUpdate<Kept>(
  window: ReadonlyArray<RecentUpdate<Kept>>,
  entry: RecentUpdate<Kept>,
  limit: number = RECENT_UPDATE_LIMIT,
): Array<RecentUpdate<Kept>> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const next = [...window.filter((e) => e.id !== entry.id), entry];
  return next.slice(Math.max(0, next.length - limit));
}
