import type { Connection } from '@temporalio/client';
// Deep import: the SDK's index does not re-export this encoder (no "exports" map, so it resolves).
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
// Relative on purpose: workflows/src/index.ts (the @duban/workflows alias) may not exist yet.
import { customSearchAttributes } from '../../workflows/src/search-attributes';
import { sleep } from './process-utils';

/**
 * Makes sure every Duban custom search attribute exists on `namespace` (adds the missing
 * ones; throws if one exists with another type). Needed because an older temporal.db may
 * predate a newly declared attribute, and for servers we did not start ourselves.
 * Returns the names it added.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const wanted = customSearchAttributes.map((key) => ({
    name: key.name,
    type: key.type,
    indexed: encodeSearchAttributeIndexedValueType(key.type)!,
  }));
  // Right after a namespace is created the operator calls can fail for ~1 s: retry briefly.
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      let existing: Record<string, number> | undefined;
      try {
        const res = await connection.operatorService.listSearchAttributes({ namespace });
        existing = res.customAttributes as Record<string, number>;
      } catch (err) {
        // The Java test server does not implement listing: fall through and add them all.
        if (grpcCode(err) !== 12 /* UNIMPLEMENTED */) throw err;
      }
      const mismatched = wanted.filter((w) => existing?.[w.name] !== undefined && existing[w.name] !== w.indexed);
      if (mismatched.length) {
        throw new NonRetryable(
          `Search attribute type mismatch on namespace "${namespace}": ` +
            mismatched.map((m) => `${m.name} should be ${m.type} but the server has type #${existing![m.name]}`).join('; ') +
            '. A search attribute cannot change type: use a fresh Temporal data dir or rename the attribute.',
        );
      }
      const missing = wanted.filter((w) => existing?.[w.name] === undefined);
      if (!missing.length) return [];
      try {
        await connection.operatorService.addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(missing.map((m) => [m.name, m.indexed])),
        });
      } catch (err) {
        if (existing !== undefined || grpcCode(err) !== 6 /* ALREADY_EXISTS */) throw err;
        return [];
      }
      return missing.map((m) => m.name);
    } catch (err) {
      if (err instanceof NonRetryable || Date.now() > deadline) {
        if (err instanceof NonRetryable) throw new Error(err.message, { cause: err });
        throw new Error(`Could not register search attributes on namespace "${namespace}": ${(err as Error).message}`, { cause: err });
      }
      await sleep(500);
    }
  }
}

class NonRetryable extends Error {}

function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
