import { conflict } from '../rejection';
import { canonicalRecord } from './registry-records';

/** One version of a record as the registry holds it. */
export interface RegistryVersion<R> {
  record: R;
  /** 1, 2, …: the number of changes recorded. */
  version: number;
  retired: boolean;
}

/**
 * A change asked for. `expectedVersion` is the version the caller last read (0: the record is
 * new); absent, the change applies to whatever is current (the import's upsert).
 */
export type RegistryIntent<R> = { op: 'put'; record: R; expectedVersion?: number } | { op: 'retire'; expectedVersion?: number };

export type RegistryChangeKind = 'created' | 'updated' | 'retired';

export type RegistryDecision =
  /** Nothing to record: the record already is what the change asks (a retried write lands here). */
  | { outcome: 'unchanged'; version: number }
  | { outcome: 'write'; change: RegistryChangeKind; version: number }
  /** The change names a record that does not exist (404). */
  | { outcome: 'unknown' };

/**
 * Whether, and how, a change is recorded: an unchanged write records nothing (so a retry is
 * harmless), a write against a version other than the current one is refused (someone changed
 * it since the caller read it), and a retired record takes no further change.
 */
export function decideRegistryChange<R extends object>(current: RegistryVersion<R> | undefined, intent: RegistryIntent<R>): RegistryDecision {
  const expected = intent.expectedVersion;
  if (!current) {
    if (intent.op === 'retire' || (expected !== undefined && expected > 0)) return { outcome: 'unknown' };
    return { outcome: 'write', change: 'created', version: 1 };
  }
  const already = intent.op === 'retire' ? current.retired : !current.retired && canonicalRecord(current.record) === canonicalRecord(intent.record);
  if (already) return { outcome: 'unchanged', version: current.version };
  if (expected === 0) throw conflict('registry.record.exists', `the record already exists (version ${current.version}): update it instead`);
  if (expected !== undefined && expected !== current.version)
    throw conflict('registry.version.stale', `expected version ${expected}, but the record is at version ${current.version}: read it again`);
  if (current.retired) throw conflict('registry.record.retired', `the record was retired at version ${current.version} and takes no change`);
  return { outcome: 'write', change: intent.op === 'retire' ? 'retired' : 'updated', version: current.version + 1 };
}
