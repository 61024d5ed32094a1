import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { expect } from 'vitest';

/** The domain's refusal of an update as the caller gets it: its message and its rejection code. */
export async function updateRefusal(promise: Promise<unknown>): Promise<{ message: string; code: string | undefined }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  const details = (cause as ApplicationFailure).details?.[0] as { code?: string } | undefined;
  return { message: (cause as ApplicationFailure).message, code: details?.code };
}
