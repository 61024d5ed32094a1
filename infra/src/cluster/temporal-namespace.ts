import type { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { sleep } from '../process-utils';

/** How long closed workflows stay in a namespace Duban creates (open ones are never removed). */
export const NAMESPACE_RETENTION_DAYS = 30;

const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;

/**
 * Creates `namespace` unless it exists: describe first (a create of an existing namespace
 * fails), then register; another starter winning the race is fine. Returns whether it created
 * it. Retries for a while: right after the server starts, namespace calls can fail briefly.
 */
export async function ensureNamespace(connection: Connection, namespace: string, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return false;
      } catch (error) {
        if (grpcCode(error) !== NOT_FOUND) throw error;
      }
      try {
        await connection.workflowService.registerNamespace({
          namespace,
          description: 'Duban (督办)',
          workflowExecutionRetentionPeriod: msToTs(NAMESPACE_RETENTION_DAYS * 24 * 3600_000),
        });
        return true;
      } catch (error) {
        if (grpcCode(error) === ALREADY_EXISTS) return false;
        throw error;
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Could not create or find namespace "${namespace}": ${(error as Error).message}`, { cause: error });
      await sleep(500);
    }
  }
}

function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
