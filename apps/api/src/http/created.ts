import type { Response } from 'express';
import type { HeadersObject } from '@nestjs/swagger';

/**
 * Retry-After of a 202 (accepted, not yet registered): the start is durable in Temporal, and the
 * ledger shows the object as soon as a worker picks it up — after a worker restart, typically
 * within seconds. The caller has already waited the registration timeout (20 s by default);
 * 10 s more between reads keeps a polling client under six cheap reads a minute.
 */
export const ACCEPTED_RETRY_AFTER_SECONDS = 10;

/** 201 Created with `Location`, or 202 Accepted with `Location` and `Retry-After` when the object is not registered yet. */
export function answerCreated(res: Response, location: string, registered = true): void {
  res.status(registered ? 201 : 202).location(location);
  if (!registered) res.setHeader('Retry-After', String(ACCEPTED_RETRY_AFTER_SECONDS));
}

/** The headers of a documented 201 (and 202) answer. */
export const locationHeader = (of: string): HeadersObject => ({
  Location: { description: `Where the new ${of} is read (relative to the API).`, schema: { type: 'string' } },
});

export const retryAfterHeader: HeadersObject = {
  'Retry-After': {
    description: `Seconds before reading the new object back (${ACCEPTED_RETRY_AFTER_SECONDS}): the start is durable; a worker registers it as soon as one runs.`,
    schema: { type: 'integer', minimum: 0 },
  },
};
