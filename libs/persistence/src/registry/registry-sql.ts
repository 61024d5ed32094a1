import type { RegistrySelector } from '@duban/domain';

/** Conditions with numbered parameters, for the registry's hand-written reads; `sub()` shares the numbering (for subqueries). */
export class Conditions {
  private readonly parts: string[] = [];

  constructor(readonly params: unknown[] = []) {}

  sub(): Conditions {
    return new Conditions(this.params);
  }

  param(value: unknown, cast = ''): string {
    this.params.push(value);
    return `$${this.params.length}${cast}`;
  }

  add(condition: string): this {
    this.parts.push(condition);
    return this;
  }

  /** `alias`'s version in force at `asOf` (the current one without it), retired ones left out unless asked for. */
  inForce(alias: string, asOf: Date | undefined, includeRetired = false): this {
    if (asOf === undefined) this.add(`${alias}.valid_to IS NULL`);
    else {
      const t = this.param(asOf.toISOString(), '::timestamptz');
      this.add(`${alias}.valid_from <= ${t} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${t})`);
    }
    if (!includeRetired) this.add(`NOT ${alias}.retired`);
    return this;
  }

  /**
   * `alias.path` lies within a tree rooted at one of `rootIds` in `table` (in force at `asOf`):
   * a root's path or below it. LIKE's wildcards in ids (`_`) are escaped.
   */
  withinTree(alias: string, table: string, rootIds: readonly string[], asOf: Date | undefined): string {
    const roots = this.sub().inForce('root', asOf);
    roots.add(`root.id = ANY(${roots.param([...rootIds])})`);
    const escaped = String.raw`replace(replace(replace(root.path, '\', '\\'), '%', '\%'), '_', '\_')`;
    return `EXISTS (SELECT 1 FROM ${table} root ${roots} AND (${alias}.path = root.path OR ${alias}.path LIKE ${escaped} || '/%'))`;
  }

  /** The ids of `table`'s records in force at `asOf` within the trees rooted at `rootIds`. */
  idsWithin(table: string, rootIds: readonly string[], asOf: Date | undefined): string {
    const alias = `${table.replace('registry_', '')}_in`;
    const inner = this.sub().inForce(alias, asOf);
    inner.add(inner.withinTree(alias, table, rootIds, asOf));
    return `(SELECT ${alias}.id FROM ${table} ${alias} ${inner})`;
  }

  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

const given = <T>(values: readonly T[] | undefined): values is readonly T[] => values !== undefined && values.length > 0;

/**
 * The units (alias `u`) in scope at `asOf`, as resolveRegistryScope (libs/domain) decides: the
 * regions and everything below them × industries (and below; a department through its
 * competent-department links in those regions) × kinds × statuses.
 */
export function unitScope(where: Conditions, selector: RegistrySelector, asOf: Date | undefined, includeRetired = false): Conditions {
  where.inForce('u', asOf, includeRetired);
  const regions = given(selector.regionIds) ? where.idsWithin('registry_region', selector.regionIds, asOf) : undefined;
  if (regions) where.add(`u.region_id IN ${regions}`);
  if (given(selector.kinds)) where.add(`u.kind = ANY(${where.param([...selector.kinds])})`);
  if (given(selector.statuses)) where.add(`u.status = ANY(${where.param([...selector.statuses])})`);
  if (given(selector.industryIds)) {
    const industries = where.idsWithin('registry_industry', selector.industryIds, asOf);
    const link = where.sub().inForce('cd', asOf).add(`cd.department_unit_id = u.id`).add(`cd.industry_id IN ${industries}`);
    if (regions) link.add(`cd.region_id IN ${regions}`);
    where.add(`(u.industry_id IN ${industries} OR (u.kind = 'department' AND EXISTS (SELECT 1 FROM registry_competent_department cd ${link})))`);
  }
  return where;
}
