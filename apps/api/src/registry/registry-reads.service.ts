import { Injectable } from '@nestjs/common';
import {
  ownUnitScope,
  REGISTRY_KIND_LABELS,
  REGISTRY_PERMISSIONS,
  type Actor,
  type RegionLevel,
  type RegistryAction,
  type RegistryKind,
  type UnitKind,
  type UnitStatus,
} from '@duban/domain';
import { RegistryReader, type RegistryEntry, type RegistryPage } from '@duban/persistence';
import { authorizeOn } from '../auth/authorize-on';

/** A list's query, as the DTOs give it (each kind's list takes some of these). */
export interface RegistryListQuery {
  asOf?: string;
  includeRetired?: boolean;
  regionId?: string;
  industryId?: string;
  kind?: UnitKind;
  status?: UnitStatus;
  level?: RegionLevel;
  unitId?: string;
  limit?: number;
  offset?: number;
}

/** Units and people are read by their unit too; the rest (regions, industries, links) by the office's side only. */
export const readActionOf = (kind: RegistryKind): RegistryAction => (kind === 'unit' || kind === 'person' ? 'read' : 'read_reference');

/** The unit a record belongs to, for a unit caller's own-unit check: a unit is its own, a person their unit's (the others have none: ''). */
function unitOf(entry: RegistryEntry<RegistryKind>): string {
  if (entry.kind === 'unit') return entry.record.id;
  if (entry.kind === 'person') return (entry as RegistryEntry<'person'>).record.unitId;
  return '';
}

const asDate = (asOf: string | undefined) => (asOf === undefined ? undefined : new Date(asOf));

/**
 * The registry (单位库), the reads: current or as of a moment, a record's history, lists. A unit
 * token reads only its own unit and its own people (404 before 403: the record must exist).
 */
@Injectable()
export class RegistryReadsService {
  constructor(private readonly reader: RegistryReader) {}

  get<K extends RegistryKind>(kind: K, id: string, actor: Actor, asOf?: string): Promise<RegistryEntry<K>> {
    return authorizeOn(REGISTRY_PERMISSIONS, readActionOf(kind), actor, {
      find: () => this.reader.get(kind, id, asDate(asOf)),
      unitOf: (entry: RegistryEntry<K>) => unitOf(entry),
      missing: () => `${REGISTRY_KIND_LABELS[kind]} ${id} not found${asOf ? ` as of ${asOf}` : ''}`,
    });
  }

  async history<K extends RegistryKind>(kind: K, id: string, actor: Actor): Promise<Array<RegistryEntry<K>>> {
    const versions = await this.reader.history(kind, id);
    await authorizeOn(REGISTRY_PERMISSIONS, readActionOf(kind), actor, {
      find: async () => versions.at(-1),
      unitOf: (entry: RegistryEntry<K>) => unitOf(entry),
      missing: () => `${REGISTRY_KIND_LABELS[kind]} ${id} not found`,
    });
    return versions;
  }

  list<K extends RegistryKind>(kind: K, actor: Actor, query: RegistryListQuery): Promise<RegistryPage<K>> {
    // A unit token lists its own unit, and its own unit's people, only.
    const unitId = kind === 'unit' || kind === 'person' ? ownUnitScope(REGISTRY_PERMISSIONS, 'read', actor, query.unitId) : query.unitId;
    return this.reader.list(kind, {
      asOf: asDate(query.asOf),
      includeRetired: query.includeRetired,
      regionIds: query.regionId === undefined ? undefined : [query.regionId],
      industryIds: query.industryId === undefined ? undefined : [query.industryId],
      kinds: query.kind === undefined ? undefined : [query.kind],
      statuses: query.status === undefined ? undefined : [query.status],
      level: query.level,
      unitId,
      limit: query.limit,
      offset: query.offset,
    });
  }
}
