import { ApplicationFailure } from '@temporalio/workflow';
import { DomainRejection } from '@duban/domain';

/** Application failure types thrown by update validators; the API maps them to 400/403/409. */
export const REJECTION_FAILURE_TYPE = {
  invalid: 'DubanInvalidInput',
  forbidden: 'DubanForbidden',
  conflict: 'DubanConflict',
} as const;

/**
 * A domain refusal as the failure an update caller receives (type, message, the field named);
 * anything else is left alone so a real bug still fails the workflow task and gets fixed.
 */
export function rejectionToFailure(error: unknown): unknown {
  if (error instanceof DomainRejection) {
    return ApplicationFailure.create({
      type: REJECTION_FAILURE_TYPE[error.kind],
      message: error.message,
      details: [{ field: error.field, ...error.details }],
      nonRetryable: true,
    });
  }
  return error;
}
