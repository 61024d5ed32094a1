import { ApplicationFailure } from '@temporalio/workflow';
import { DomainRejection } from '@duban/domain';

/** Application failure types thrown by update validators; the API maps them to 400/403/409/422. */
export const REJECTION_FAILURE_TYPE = {
  invalid: 'DubanInvalidInput',
  forbidden: 'DubanForbidden',
  conflict: 'DubanConflict',
  unprocessable: 'DubanUnprocessable',
} as const;

/**
 * A domain refusal as the failure an update caller receives: type, message, and in details[0]
 * its stable `code` and the `field` named (plus the refusal's own details, e.g. `missing`).
 * Anything else is left alone so a real bug still fails the workflow task and gets fixed.
 */
export function rejectionToFailure(error: unknown): unknown {
  if (error instanceof DomainRejection) {
    return ApplicationFailure.create({
      type: REJECTION_FAILURE_TYPE[error.kind],
      message: error.message,
      details: [{ ...error.details, code: error.code, field: error.field }],
      nonRetryable: true,
    });
  }
  return error;
}
