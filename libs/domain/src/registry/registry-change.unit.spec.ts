import { describe, expect, it } from 'vitest';
import { decideRegistryChange, type RegistryVersion } from './registry-change';

const record = { id: 'ind-1', name: '危险化学品', parentId: null };
const at = (version: number, retired = false, over: object = {}): RegistryVersion<typeof record> => ({
  record: { ...record, ...over },
  version,
  retired,
});

describe('the registry change rule', () => {
  it('creates version 1 of a new record, and a retried create records nothing', () => {
    expect(decideRegistryChange(undefined, { op: 'put', record, expectedVersion: 0 })).toEqual({ outcome: 'write', change: 'created', version: 1 });
    expect(decideRegistryChange(at(1), { op: 'put', record, expectedVersion: 0 })).toEqual({ outcome: 'unchanged', version: 1 });
  });

  it('refuses to create over an existing record that differs', () => {
    expect(() => decideRegistryChange(at(1), { op: 'put', record: { ...record, name: '危化' }, expectedVersion: 0 })).toThrow(
      expect.objectContaining({ code: 'registry.record.exists', kind: 'conflict' }),
    );
  });

  it('updates at the expected version; the same content again (or a retry of it) records nothing', () => {
    const changed = { ...record, name: '危化品' };
    expect(decideRegistryChange(at(1), { op: 'put', record: changed, expectedVersion: 1 })).toEqual({
      outcome: 'write',
      change: 'updated',
      version: 2,
    });
    expect(decideRegistryChange(at(1), { op: 'put', record, expectedVersion: 1 })).toEqual({ outcome: 'unchanged', version: 1 });
    expect(decideRegistryChange(at(2, false, { name: '危化品' }), { op: 'put', record: changed, expectedVersion: 1 })).toEqual({
      outcome: 'unchanged',
      version: 2,
    });
    // Key order does not make a change.
    expect(decideRegistryChange(at(1), { op: 'put', record: { parentId: null, name: record.name, id: record.id }, expectedVersion: 1 }).outcome).toBe(
      'unchanged',
    );
  });

  it('refuses a stale expected version', () => {
    expect(() => decideRegistryChange(at(3), { op: 'put', record: { ...record, name: '新' }, expectedVersion: 2 })).toThrow(
      expect.objectContaining({ code: 'registry.version.stale', kind: 'conflict' }),
    );
    expect(() => decideRegistryChange(at(3), { op: 'retire', expectedVersion: 4 })).toThrow(
      expect.objectContaining({ code: 'registry.version.stale' }),
    );
  });

  it('retires as a new version, once; a retired record takes no further change', () => {
    expect(decideRegistryChange(at(2), { op: 'retire', expectedVersion: 2 })).toEqual({ outcome: 'write', change: 'retired', version: 3 });
    expect(decideRegistryChange(at(3, true), { op: 'retire', expectedVersion: 2 })).toEqual({ outcome: 'unchanged', version: 3 });
    expect(() => decideRegistryChange(at(3, true), { op: 'put', record, expectedVersion: 3 })).toThrow(
      expect.objectContaining({ code: 'registry.record.retired' }),
    );
  });

  it('answers unknown for a change to a record that does not exist', () => {
    expect(decideRegistryChange(undefined, { op: 'put', record, expectedVersion: 2 })).toEqual({ outcome: 'unknown' });
    expect(decideRegistryChange(undefined, { op: 'retire' })).toEqual({ outcome: 'unknown' });
  });

  it('without an expected version (the import), upserts onto whatever is current', () => {
    expect(decideRegistryChange(undefined, { op: 'put', record })).toEqual({ outcome: 'write', change: 'created', version: 1 });
    expect(decideRegistryChange(at(4), { op: 'put', record: { ...record, name: '新' } })).toEqual({
      outcome: 'write',
      change: 'updated',
      version: 5,
    });
    expect(decideRegistryChange(at(4), { op: 'put', record })).toEqual({ outcome: 'unchanged', version: 4 });
  });
});
