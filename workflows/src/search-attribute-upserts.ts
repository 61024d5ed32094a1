import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';

const valueKey = (value: unknown): string => (value instanceof Date ? value.toISOString() : JSON.stringify(value));

/**
 * A workflow run's search attributes (检索属性), each upserted only when its value changed since
 * this run last upserted it: an unchanged upsert still costs a history event and a visibility
 * write on every step. With `onlyChanges` false every pair goes out every time, as histories
 * recorded before did (the caller's patched() decides).
 */
export class SearchAttributeUpserts {
  private readonly upserted = new Map<string, string>();

  constructor(private readonly onlyChanges: boolean) {}

  publish(pairs: SearchAttributeUpdatePair[]): void {
    const changed = this.onlyChanges ? pairs.filter((pair) => this.upserted.get(pair.key.name) !== valueKey(pair.value)) : pairs;
    for (const pair of changed) this.upserted.set(pair.key.name, valueKey(pair.value));
    if (changed.length > 0) upsertSearchAttributes(changed);
  }
}
