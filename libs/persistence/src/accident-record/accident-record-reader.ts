import type { DataSource } from 'typeorm';
import {
  cstDate,
  CST_OFFSET_MS,
  deathsForGrading,
  type AccidentFact,
  type AccidentState,
  type ControlIndicator,
  type RegionTerritories,
  type TerritoryLevel,
} from '@duban/domain';
import { regionAtOrBelowSql } from '../enforcement-record/region-within-sql';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { Where } from '../sql/where';
import type { AccountabilityFiringRow, ControlIndicatorCheckRow, ControlIndicatorRevisionRow, ControlIndicatorRow } from './accident-record-rows';

const TERRITORY_LEVELS: readonly string[] = ['county', 'city', 'province'] satisfies TerritoryLevel[];

/** The first instant of a China calendar year. */
const cstYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - CST_OFFSET_MS);

/** The caller's bound on the record's region-bound lists (checks, firings). */
export interface AccidentRecordBounds {
  /** The caller's territory (属地): rows of it or of a region below it; absent: unbounded. */
  withinRegionId?: string;
}

/** `column` at or below each region named (the one asked for, the caller's territory). */
function regionsAtOrBelow(where: Where, column: string, regionIds: ReadonlyArray<string | undefined>): Where {
  for (const id of regionIds) if (id !== undefined) where.add(regionAtOrBelowSql(column, id, where));
  return where;
}

/** An accident's fact from its ledger snapshot: deaths as its own policy grades them (the missing too where it counts them). */
export function accidentFactOf(state: AccidentState): AccidentFact {
  const { report } = state;
  return {
    accidentId: state.accidentId,
    occurredAt: report.occurredAt,
    day: cstDate(new Date(report.occurredAt)),
    regionId: report.regionId,
    unitId: report.unitId,
    kind: report.kind,
    sector: report.sector,
    grade: state.grade,
    deaths: deathsForGrading(state.casualties, state.policy.grading),
    concealment: state.concealment.map((flag) => flag.kind),
  };
}

function indicatorOf(r: Raw): ControlIndicatorRow {
  return {
    id: r.id,
    regionId: r.region_id,
    year: r.year,
    label: r.label,
    measure: r.measure,
    ...(r.sectors ? { sectors: r.sectors } : {}),
    ...(r.grades ? { grades: r.grades } : {}),
    cap: r.cap,
    source: r.source,
    ...(r.warn_at ? { warnAt: r.warn_at } : {}),
    setBy: { id: r.set_by_id, name: r.set_by_name, role: r.set_by_role },
    setAt: iso(r.set_at),
    reason: r.reason,
  };
}

function checkOf(r: Raw): ControlIndicatorCheckRow {
  return {
    indicatorId: r.indicator_id,
    regionId: r.region_id,
    month: r.month,
    indicator: r.indicator,
    used: r.used,
    share: r.share,
    status: r.status,
    warningAt: r.warning_at,
    breach: r.breach,
    accidentIds: r.accident_ids,
    checkedAt: iso(r.checked_at),
  };
}

function firingOf(r: Raw): AccountabilityFiringRow {
  return {
    firingKey: r.firing_key,
    ruleId: r.rule_id,
    rule: r.rule,
    territoryId: r.territory_id,
    period: r.period,
    kind: r.kind,
    instrument: r.instrument,
    accidentIds: r.accident_ids,
    firedOn: r.fired_on,
    workflowId: r.workflow_id,
    status: r.status,
    openedAt: iso(r.opened_at),
    due: iso(r.due),
    overdueAt: isoOrNull(r.overdue_at),
    heldAt: isoOrNull(r.held_at),
    minutes: r.minutes,
    recordedBy: r.recorded_by_id ? { id: r.recorded_by_id, name: r.recorded_by_name, role: r.recorded_by_role } : null,
    recordedAt: isoOrNull(r.recorded_at),
  };
}

/** Reads what the review needs (accidents, territories, caps) and what it recorded (checks, firings). */
export class AccidentRecordReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Every accident that happened in the China calendar year, from the ledger's snapshots. */
  async accidentFacts(year: number): Promise<AccidentFact[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT state FROM accident_ledger WHERE occurred_at >= $1 AND occurred_at < $2 ORDER BY occurred_at, accident_id`,
      [cstYearStart(year), cstYearStart(year + 1)],
    );
    return rows.map((r) => accidentFactOf(r.state as AccidentState));
  }

  /** For each region (as the registry has it now), its county, city and province along its parent chain. */
  async territories(regionIds: readonly string[]): Promise<RegionTerritories> {
    if (regionIds.length === 0) return {};
    const rows: Raw[] = await this.dataSource.query(
      `SELECT r.id, a.id AS ancestor_id, a.level FROM registry_region r
         JOIN registry_region a ON a.valid_to IS NULL AND a.id = ANY(string_to_array(r.path, '/'))
        WHERE r.valid_to IS NULL AND r.id = ANY($1::varchar[]) AND a.level = ANY($2::varchar[])`,
      [[...new Set(regionIds)], TERRITORY_LEVELS],
    );
    const territories: Record<string, Partial<Record<TerritoryLevel, string>>> = {};
    for (const r of rows) (territories[r.id] ??= {})[r.level as TerritoryLevel] = r.ancestor_id;
    return territories;
  }

  /** The caps set for a year: of one region, or of every region. */
  async indicators(year: number, regionId?: string): Promise<ControlIndicatorRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT * FROM control_indicator WHERE year = $1 AND ($2::varchar IS NULL OR region_id = $2) ORDER BY region_id, id`,
      [year, regionId ?? null],
    );
    return rows.map(indicatorOf);
  }

  /** Every set of caps put for the region's year, newest first. */
  async revisions(regionId: string, year: number): Promise<ControlIndicatorRevisionRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT * FROM control_indicator_revision WHERE region_id = $1 AND year = $2 ORDER BY revision DESC`,
      [regionId, year],
    );
    return rows.map((r) => ({
      regionId: r.region_id,
      year: r.year,
      revision: r.revision,
      indicators: r.indicators,
      setBy: { id: r.set_by_id, name: r.set_by_name, role: r.set_by_role },
      setAt: iso(r.set_at),
      reason: r.reason,
    }));
  }

  /** The monthly checks (every month, or one) of `regionId` and the regions below it (a city's covers its counties'), within the bounds. */
  async checks(filter: AccidentRecordBounds & { regionId?: string; month?: string }): Promise<ControlIndicatorCheckRow[]> {
    const where = regionsAtOrBelow(new Where().equals('month', filter.month), 'region_id', [filter.regionId, filter.withinRegionId]);
    const rows: Raw[] = await this.dataSource.query(
      `SELECT * FROM control_indicator_check ${where} ORDER BY month, region_id, indicator_id`,
      where.params,
    );
    return rows.map(checkOf);
  }

  /**
   * The firings (问责), every year or one, of `territoryId` and the territories below it, within
   * the bounds; `keys`: only these (what one run found).
   */
  async firings(
    filter: AccidentRecordBounds & { territoryId?: string; year?: number; keys?: readonly string[] },
  ): Promise<AccountabilityFiringRow[]> {
    const where = new Where().equals('period', filter.year === undefined ? undefined : String(filter.year)).oneOf('firing_key', filter.keys);
    regionsAtOrBelow(where, 'territory_id', [filter.territoryId, filter.withinRegionId]);
    const rows: Raw[] = await this.dataSource.query(`SELECT * FROM accountability_firing ${where} ORDER BY fired_on, firing_key`, where.params);
    return rows.map(firingOf);
  }

  /** The firings (问责) an accident counted towards, whatever their territory or year (an audit bundle of the accident). */
  async firingsOfAccident(accidentId: string): Promise<AccountabilityFiringRow[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT * FROM accountability_firing WHERE accident_ids @> jsonb_build_array($1::text) ORDER BY fired_on, firing_key`,
      [accidentId],
    );
    return rows.map(firingOf);
  }

  async firing(firingKey: string): Promise<AccountabilityFiringRow | undefined> {
    const [row] = await this.dataSource.query(`SELECT * FROM accountability_firing WHERE firing_key = $1`, [firingKey]);
    return row ? firingOf(row) : undefined;
  }
}

/** The domain's ControlIndicator of a row (without who set it). */
export function controlIndicatorOf(row: ControlIndicatorRow): ControlIndicator {
  const { setBy: _s, setAt: _a, reason: _r, ...indicator } = row;
  return indicator;
}
