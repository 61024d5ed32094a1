import type { Actor, DomainRejection, RecordOf, RegistryKind, RejectionCode } from '@duban/domain';

/**
 * One change to the registry. `put` creates or updates `record` (its `id` names it); `retire`
 * retires the record `id`. `expectedVersion` is the version the caller read (0: it must be new);
 * absent, the change applies to whatever version is current (the import's upsert). An unchanged
 * record is never a new version, so a retried write is harmless.
 */
export type RegistryWrite = {
  [K in RegistryKind]:
    | { kind: K; op: 'put'; record: RecordOf<K>; expectedVersion?: number; reason?: string }
    | { kind: K; op: 'retire'; id: string; expectedVersion?: number; reason?: string };
}[RegistryKind];

/** Who makes the change, why, and when (the moment it is recorded: the new version's `valid_from`). */
export interface RegistryChange {
  actor: Actor;
  /** Required: the office's words, or e.g. the import's file name. A write's own `reason` overrides it. */
  reason: string;
  at: Date;
}

export interface RegistryWriteResult {
  kind: RegistryKind;
  id: string;
  outcome: 'created' | 'updated' | 'retired' | 'unchanged';
  /** The record's current version after the write. */
  version: number;
}

/** Why one write of a batch was refused. `index` is its place in the batch (-1: the batch as a whole). */
export interface RegistryWriteError {
  index: number;
  kind: RegistryKind;
  id: string;
  /** A domain rejection's code, or `resource.not_found` (a change to a record that does not exist). */
  code: RejectionCode | 'resource.not_found';
  field?: string;
  message: string;
  rejection?: DomainRejection;
}

/** A batch refused as a whole: nothing of it was written. Lists every refused write. */
export class RegistryWriteRefused extends Error {
  constructor(readonly errors: RegistryWriteError[]) {
    super(`registry write refused: ${errors.map((e) => `#${e.index} ${e.kind} ${e.id}: ${e.message}`).join('; ')}`);
    this.name = 'RegistryWriteRefused';
  }
}
