import type { DataSource } from 'typeorm';
import {
  REGISTRY_KINDS,
  type IndustryNode,
  type Place,
  type RegionNode,
  type RegistryKind,
  type RegistrySelector,
  type RegistrySnapshot,
  type UnitRecord,
} from '@duban/domain';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { clampInt, LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX } from '../sql/where';
import { unitWithinBounds } from './registry-bounds-sql';
import type { RegistryEntry, RegistryListFilter, RegistryPage } from './registry-entry';
import { placesOf, regionPathOf } from './registry-places';
import { Conditions, unitScope } from './registry-sql';
import { PATH_KINDS, recordOf, REGISTRY_TABLES } from './registry-tables';

const ALIAS: Record<RegistryKind, string> = {
  region: 'r',
  industry: 'i',
  competent_department: 'c',
  unit: 'u',
  person: 'p',
  responsibility: 's',
};

const tables = perDataSource(
  (dataSource) =>
    Object.fromEntries(
      REGISTRY_KINDS.map((kind) => {
        const table = EntityTable.of(dataSource, REGISTRY_TABLES[kind].entity as unknown as new () => Raw);
        return [kind, { name: table.name, select: selectColumns(table.columns, ALIAS[kind]) }];
      }),
    ) as Record<RegistryKind, { name: string; select: string }>,
);

// Ids compare byte-wise, as JavaScript compares ASCII strings (resolveRegistryScope's order).
const BY_ID = (alias: string) => `${alias}.id COLLATE "C"`;

/** Reads the registry: current or as of a moment, a record's history, filtered lists and the scope of a campaign. */
export class RegistryReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The version in force at `asOf` (default: the current one, retired or not); undefined when there was none. */
  async get<K extends RegistryKind>(kind: K, id: string, asOf?: Date): Promise<RegistryEntry<K> | undefined> {
    const a = ALIAS[kind];
    const where = new Conditions().inForce(a, asOf, true);
    where.add(`${a}.id = ${where.param(id)}`);
    const [row] = await this.select(kind, where, `${a}.version`, 1);
    return row;
  }

  /** Every version of a record, oldest first: who changed it, when and why. Empty when it never existed. */
  history<K extends RegistryKind>(kind: K, id: string): Promise<Array<RegistryEntry<K>>> {
    const a = ALIAS[kind];
    const where = new Conditions();
    where.add(`${a}.id = ${where.param(id)}`);
    return this.select(kind, where, `${a}.version`);
  }

  /** A page of records in force (at `asOf`), by id, with the total the filter matches. */
  async list<K extends RegistryKind>(kind: K, filter: RegistryListFilter = {}): Promise<RegistryPage<K>> {
    const where = this.filter(kind, filter);
    const a = ALIAS[kind];
    const countParams = [...where.params];
    const limit = where.param(clampInt(filter.limit, LEDGER_PAGE_DEFAULT, 1, LEDGER_PAGE_MAX));
    const offset = where.param(clampInt(filter.offset, 0, 0, Number.MAX_SAFE_INTEGER));
    const [items, counted] = await Promise.all([
      this.select(kind, where, `${BY_ID(a)} LIMIT ${limit} OFFSET ${offset}`),
      this.dataSource.query(`SELECT count(*)::int AS total FROM ${tables(this.dataSource)[kind].name} ${a} ${where}`, countParams),
    ]);
    return { items, total: counted[0].total };
  }

  /**
   * The units in scope at `asOf`, by id: the SQL twin of resolveRegistryScope (a pg spec holds
   * them equal). `limit`: the first that many only (a caller that refuses more than n asks n + 1).
   */
  async scope(selector: RegistrySelector, asOf?: Date, limit?: number): Promise<UnitRecord[]> {
    const rows = await this.select('unit', unitScope(new Conditions(), selector, asOf), BY_ID('u'), limit);
    return rows.map((row) => row.record);
  }

  /** The regions with these ids in force at `asOf` (retired ones left out), by id, with their paths; unknown ids are left out. */
  async regions(ids: readonly string[], asOf?: Date): Promise<RegionNode[]> {
    return (await this.byIds('region', ids, asOf)).map((e) => ({ ...e.record, path: e.path! }));
  }

  /** The industries with these ids in force at `asOf` (retired ones left out), by id, with their paths; unknown ids are left out. */
  async industries(ids: readonly string[], asOf?: Date): Promise<IndustryNode[]> {
    return (await this.byIds('industry', ids, asOf)).map((e) => ({ ...e.record, path: e.path! }));
  }

  /** The registry's records in force at `asOf` (retired ones left out), as resolveRegistryScope takes them. */
  async snapshot(asOf?: Date): Promise<RegistrySnapshot> {
    const all = <K extends RegistryKind>(kind: K) => this.select(kind, new Conditions().inForce(ALIAS[kind], asOf), BY_ID(ALIAS[kind]));
    const [regions, industries, units, links] = await Promise.all([all('region'), all('industry'), all('unit'), all('competent_department')]);
    return {
      regions: regions.map((e) => ({ ...e.record, path: e.path! })),
      industries: industries.map((e) => ({ ...e.record, path: e.path! })),
      units: units.map((e) => e.record),
      competentDepartments: links.map((e) => e.record),
    };
  }

  private async byIds<K extends RegistryKind>(kind: K, ids: readonly string[], asOf: Date | undefined): Promise<Array<RegistryEntry<K>>> {
    if (ids.length === 0) return [];
    const a = ALIAS[kind];
    const where = new Conditions().inForce(a, asOf);
    where.add(`${a}.id = ANY(${where.param([...ids])})`);
    return this.select(kind, where, BY_ID(a));
  }

  /** Where each unit sits (属地, 行业), from the current versions; a unit the registry lacks has null paths. */
  placesOf(unitIds: readonly string[]): Promise<Map<string, Place>> {
    return placesOf(this.dataSource, unitIds);
  }

  /** A region's current path (root first, itself last); null when the registry does not know it. */
  regionPathOf(regionId: string): Promise<string[] | null> {
    return regionPathOf(this.dataSource, regionId);
  }

  private filter(kind: RegistryKind, filter: RegistryListFilter): Conditions {
    const where = new Conditions();
    const a = ALIAS[kind];
    if (kind === 'unit') {
      unitScope(where, filter, filter.asOf, filter.includeRetired);
      if (filter.unitId !== undefined) where.add(`u.id = ${where.param(filter.unitId)}`);
      const bounded = unitWithinBounds('u.id', filter.bounds, where);
      if (bounded) where.add(bounded);
      return where;
    }
    where.inForce(a, filter.asOf, filter.includeRetired);
    const regionIds = filter.regionIds?.length ? filter.regionIds : undefined;
    const industryIds = filter.industryIds?.length ? filter.industryIds : undefined;
    if (kind === 'region') {
      if (regionIds) where.add(where.withinTree(a, 'registry_region', regionIds, filter.asOf));
      if (filter.level !== undefined) where.add(`${a}.level = ${where.param(filter.level)}`);
    } else if (kind === 'industry') {
      if (industryIds) where.add(where.withinTree(a, 'registry_industry', industryIds, filter.asOf));
    } else if (kind === 'competent_department') {
      if (regionIds) where.add(`${a}.region_id IN ${where.idsWithin('registry_region', regionIds, filter.asOf)}`);
      if (industryIds) where.add(`${a}.industry_id IN ${where.idsWithin('registry_industry', industryIds, filter.asOf)}`);
      if (filter.unitId !== undefined) where.add(`${a}.department_unit_id = ${where.param(filter.unitId)}`);
    } else if (kind === 'person') {
      if (filter.unitId !== undefined) where.add(`${a}.unit_id = ${where.param(filter.unitId)}`);
      const bounded = unitWithinBounds(`${a}.unit_id`, filter.bounds, where);
      if (bounded) where.add(bounded);
    } else if (kind === 'responsibility' && filter.unitId !== undefined) {
      const unit = where.param(filter.unitId);
      where.add(`((${a}.holder_kind = 'unit' AND ${a}.holder_id = ${unit}) OR (${a}.target_kind = 'unit' AND ${a}.target_id = ${unit}))`);
    }
    return where;
  }

  private async select<K extends RegistryKind>(kind: K, where: Conditions, orderBy: string, limit?: number): Promise<Array<RegistryEntry<K>>> {
    const table = tables(this.dataSource)[kind];
    const a = ALIAS[kind];
    const rows: Raw[] = await this.dataSource.query(
      `SELECT ${table.select} FROM ${table.name} ${a} ${where} ORDER BY ${orderBy}${limit !== undefined ? ` LIMIT ${Math.max(0, Math.trunc(limit))}` : ''}`,
      where.params,
    );
    return rows.map((row) => entryOf(kind, row));
  }
}

function entryOf<K extends RegistryKind>(kind: K, row: Raw): RegistryEntry<K> {
  return {
    kind,
    record: recordOf(kind, row),
    version: row.version,
    retired: row.retired,
    change: row.change,
    validFrom: iso(row.validFrom),
    validTo: isoOrNull(row.validTo),
    reason: row.reason,
    changedBy: { id: row.changedById, name: row.changedByName, role: row.changedByRole, unitId: row.changedByUnit ?? null },
    ...(PATH_KINDS.has(kind) ? { path: row.path } : {}),
  };
}
