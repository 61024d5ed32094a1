import type { RetryPolicy } from '@temporalio/common';

/** Every Duban activity is idempotent (ledger writes, reads, signals): retry it, backing off to a minute. */
export const ACTIVITY_RETRY: RetryPolicy = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 };
