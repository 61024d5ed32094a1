import { Injectable } from '@nestjs/common';
import {
  listBounds,
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
import { Places } from '../auth/places';

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

/** The unit a record belongs to, for the object check: a unit is its own, a person their unit's (reference records have none: only the role is checked). */
function unitOf(entry: RegistryEntry<RegistryKind>): string | undefined {
  if (entry.kind === 'unit') return entry.record.id;
  if (entry.kind === 'person') return (entry as RegistryEntry<'person'>).record.unitId;
  return undefined;
}

const asDate = (asOf: string | undefined) => (asOf === undefined ? undefined : new Date(asOf));

/**
 * The registry (单位库), the reads: current or as of a moment, a record's history, lists. Units
 * and people are read within the reader's scope — a unit token its own unit and people, a
 * department its industry, an office its territory (404 before 403: the record must exist);
 * reference records (regions, industries, links) by the roles that read them.
 */
@Injectable()
export class RegistryReadsService {
  constructor(
    private readonly reader: RegistryReader,
    private readonly places: Places,
  ) {}

  get<K extends RegistryKind>(kind: K, id: string, actor: Actor, asOf?: string): Promise<RegistryEntry<K>> {
    return authorizeOn(
      REGISTRY_PERMISSIONS,
      readActionOf(kind),
      actor,
      {
        find: () => this.reader.get(kind, id, asDate(asOf)),
        unitOf: (entry: RegistryEntry<K>) => unitOf(entry),
        missing: () => `${REGISTRY_KIND_LABELS[kind]} ${id} not found${asOf ? ` as of ${asOf}` : ''}`,
      },
      this.places,
    );
  }

  async history<K extends RegistryKind>(kind: K, id: string, actor: Actor): Promise<Array<RegistryEntry<K>>> {
    const versions = await this.reader.history(kind, id);
    await authorizeOn(
      REGISTRY_PERMISSIONS,
      readActionOf(kind),
      actor,
      {
        find: async () => versions.at(-1),
        unitOf: (entry: RegistryEntry<K>) => unitOf(entry),
        missing: () => `${REGISTRY_KIND_LABELS[kind]} ${id} not found`,
      },
      this.places,
    );
    return versions;
  }

  async list<K extends RegistryKind>(kind: K, actor: Actor, query: RegistryListQuery): Promise<RegistryPage<K>> {
    // Units and people: within the reader's scope (the one unit asked for refused outside it).
    const ofUnits = kind === 'unit' || kind === 'person';
    const requested = query.unitId === undefined || !ofUnits ? undefined : await this.places.of(actor, query.unitId);
    const bounds = ofUnits ? listBounds(REGISTRY_PERMISSIONS, 'read', actor, requested) : undefined;
    return this.reader.list(kind, {
      asOf: asDate(query.asOf),
      includeRetired: query.includeRetired,
      regionIds: query.regionId === undefined ? undefined : [query.regionId],
      industryIds: query.industryId === undefined ? undefined : [query.industryId],
      kinds: query.kind === undefined ? undefined : [query.kind],
      statuses: query.status === undefined ? undefined : [query.status],
      level: query.level,
      unitId: ofUnits ? undefined : query.unitId,
      bounds,
      limit: query.limit,
      offset: query.offset,
    });
  }
}
