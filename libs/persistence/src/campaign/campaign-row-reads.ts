import type { DataSource } from 'typeorm';
import type { CampaignPlan, CampaignState } from '@duban/domain';
import type { CampaignLedgerRow, CampaignListFilter } from './campaign-ledger-rows';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { regionAtOrBelow } from '../registry/registry-bounds-sql';
import { selectPage, Where } from '../sql/where';
import { CampaignLedgerEntry } from './campaign-ledger-entry.entity';

// The jsonb template, policy and snapshot stay out of rows: plan() and snapshot() return them.
const HEAVY = ['template', 'hazardPolicy', 'state'] as const;
type CampaignRecord = Omit<CampaignLedgerEntry, (typeof HEAVY)[number]>;

const columns = perDataSource((dataSource) => selectColumns(EntityTable.of(dataSource, CampaignLedgerEntry).except(...HEAVY)));

function toCampaignRow(r: CampaignRecord): CampaignLedgerRow {
  const phases = r.schedule?.phases ?? [];
  return {
    campaignId: r.campaignId,
    workflowId: r.workflowId,
    name: r.name,
    kind: r.kind,
    templateId: r.templateId,
    scopeRegions: r.scopeRegions,
    scopeIndustries: r.scopeIndustries,
    leadLeader: r.leadLeader,
    leadDepartment: r.leadDepartment,
    unitCount: r.unitCount,
    startsAt: iso(r.startsAt),
    endsAt: iso(r.endsAt),
    schedule: r.schedule,
    phaseExtensions: r.phaseExtensions,
    status: r.status,
    currentPhaseId: r.currentPhaseId,
    currentPhase: phases.find((p) => p.phaseId === r.currentPhaseId) ?? null,
    launchedBy: { id: r.launchedById, name: r.launchedByName, regionId: r.launchedByRegionId },
    launchedAt: isoOrNull(r.launchedAt),
    closedAt: isoOrNull(r.closedAt),
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

/** Newest first (by start), with the total for paging. */
export function listCampaigns(dataSource: DataSource, filter: CampaignListFilter): Promise<{ items: CampaignLedgerRow[]; total: number }> {
  const where = new Where().equals('status', filter.status).equals('kind', filter.kind);
  if (filter.line) {
    // On the reader's line: launched above every territory, in a region on the reader's path, or at or below the reader's region.
    const { regionId, regionPath } = filter.line;
    const below = `launched_by_region_id IN (SELECT r.id FROM registry_region r WHERE r.valid_to IS NULL AND ${regionAtOrBelow('r', where.param(regionId))})`;
    where.add(`(launched_by_region_id IS NULL OR launched_by_region_id = ANY(${where.param([...(regionPath ?? [])])}) OR ${below})`);
  }
  return selectPage(
    dataSource,
    { select: columns(dataSource), from: 'campaign', where, orderBy: 'starts_at DESC, campaign_id', limit: filter.limit, offset: filter.offset },
    toCampaignRow,
  );
}

export async function getCampaign(dataSource: DataSource, campaignId: string): Promise<CampaignLedgerRow | undefined> {
  const rows: CampaignRecord[] = await dataSource.query(`SELECT ${columns(dataSource)} FROM campaign WHERE campaign_id = $1`, [campaignId]);
  return rows[0] ? toCampaignRow(rows[0]) : undefined;
}

export async function campaignSnapshot(dataSource: DataSource, campaignId: string): Promise<CampaignState | undefined> {
  const rows: Raw[] = await dataSource.query('SELECT state FROM campaign WHERE campaign_id = $1', [campaignId]);
  return rows[0]?.state;
}

/** The launch's start is the snapshot's (the schedule column moves with extensions). */
export async function campaignPlan(dataSource: DataSource, campaignId: string): Promise<CampaignPlan | undefined> {
  const rows: Raw[] = await dataSource.query(
    `SELECT template, state->>'startsAt' AS starts_at, phase_extensions, hazard_policy, state->'calendar' AS calendar FROM campaign WHERE campaign_id = $1`,
    [campaignId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    campaignId,
    template: r.template,
    startsAt: r.starts_at,
    phaseExtensions: r.phase_extensions,
    hazardPolicy: r.hazard_policy,
    ...(r.calendar ? { calendar: r.calendar } : {}),
  };
}
