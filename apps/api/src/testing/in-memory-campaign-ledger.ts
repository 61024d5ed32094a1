import {
  buildCampaignSchedule,
  mayReadCampaign,
  withinBounds,
  type CampaignState,
  type HazardPolicy,
  type Place,
  type UnitObligationsState,
} from '@duban/domain';
import type { CampaignLedgerReader, CampaignLedgerRow, CampaignUnitFilter, CampaignUnitRow } from '@duban/persistence';
import { NOW } from './campaign-clock';
import { streamOf } from './list-as-stream';

/** One campaign of the fake world: its state, roster and units' states. */
export interface FakeCampaign {
  state: CampaignState;
  hazardPolicy: HazardPolicy;
  roster: CampaignUnitRow[];
  units: Map<string, UnitObligationsState>;
}

/** What the in-memory ledger reads of the fake campaign world (fake-campaign-world.ts), and what it records. */
export interface CampaignLedgerWorld {
  campaigns: ReadonlyMap<string, FakeCampaign>;
  unitFilters: CampaignUnitFilter[];
  reportDays: string[];
  placeOf(unitId: string): Place;
  regionPathOf(regionId: string): readonly string[] | null;
}

/** The campaign's schedule after its phase extensions. */
export const scheduleOf = (c: FakeCampaign) => buildCampaignSchedule(c.state.template, new Date(c.state.startsAt), c.state.phaseExtensions);

function ledgerRow(c: FakeCampaign): CampaignLedgerRow {
  const schedule = scheduleOf(c);
  return {
    campaignId: c.state.campaignId,
    workflowId: `campaign-${c.state.campaignId}`,
    name: c.state.name,
    kind: c.state.template.kind,
    templateId: c.state.template.id,
    scopeRegions: c.state.scope.regions,
    scopeIndustries: c.state.scope.industries,
    leadLeader: c.state.scope.leadLeader,
    leadDepartment: c.state.scope.leadDepartment,
    unitCount: c.state.scope.unitCount,
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    schedule,
    phaseExtensions: c.state.phaseExtensions,
    status: c.state.status,
    currentPhaseId: null,
    currentPhase: null,
    launchedBy: { id: c.state.launchedBy.id, name: c.state.launchedBy.name, regionId: c.state.launchedBy.regionId ?? null },
    launchedAt: NOW.toISOString(),
    closedAt: null,
    version: c.state.lastSeq,
    updatedAt: NOW.toISOString(),
  };
}

/** Roster rows with the counters of the unit states (what the ledger writer would project). */
function unitRows(c: FakeCampaign): CampaignUnitRow[] {
  return c.roster.map((r) => {
    const state = c.units.get(r.unitId);
    return state ? { ...r, status: state.status, counters: state.counters, hazardIds: state.hazardIds } : r;
  });
}

/** The campaign ledger reader over `world`'s campaigns: rows as the ledger writer would project them. */
export function inMemoryCampaignLedger(world: CampaignLedgerWorld): Partial<CampaignLedgerReader> {
  const reader: Partial<CampaignLedgerReader> = {
    get: async (id) => {
      const c = world.campaigns.get(id);
      return c && ledgerRow(c);
    },
    list: async (filter = {}) => {
      const line = filter.line;
      const onLine = (row: CampaignLedgerRow) =>
        !line ||
        mayReadCampaign({ id: 'reader', name: 'reader', role: 'office', regionId: line.regionId }, line.regionPath, {
          campaignId: row.campaignId,
          regionId: row.launchedBy.regionId,
          regionPath: row.launchedBy.regionId === null ? null : world.regionPathOf(row.launchedBy.regionId),
        });
      const items = [...world.campaigns.values()].map((c) => ledgerRow(c)).filter(onLine);
      return { items, total: items.length };
    },
    plan: async (id) => {
      const c = world.campaigns.get(id);
      return (
        c && {
          campaignId: id,
          template: c.state.template,
          startsAt: c.state.startsAt,
          phaseExtensions: c.state.phaseExtensions,
          hazardPolicy: c.hazardPolicy,
        }
      );
    },
    unit: async (id, unitId) => {
      const c = world.campaigns.get(id);
      return c && unitRows(c).find((r) => r.unitId === unitId);
    },
    units: async (id, filter = {}) => {
      world.unitFilters.push(filter);
      const c = world.campaigns.get(id);
      const items = c
        ? unitRows(c).filter(
            (r) =>
              (!filter.status || r.status === filter.status) &&
              (!filter.regionId || r.regionId === filter.regionId) &&
              withinBounds(filter.bounds ?? {}, world.placeOf(r.unitId)),
          )
        : [];
      return { items, total: items.length };
    },
    // The list's rows, filtered and bounded the same way, one by one as the SQL stream gives them.
    streamUnits: (id, filter = {}) => streamOf(reader.units!(id, filter)),
    reportsForDay: async (id, date) => {
      world.reportDays.push(date);
      const c = world.campaigns.get(id)!;
      const received = unitRows(c).flatMap((r) =>
        Object.entries(c.units.get(r.unitId)?.submissions ?? {})
          .filter(([obligationId]) => obligationId.endsWith(`:${date}`))
          .map(([obligationId, s]) => ({ unitId: r.unitId, obligationId, onTime: s.onTime, zero: s.zero, submittedAt: s.at })),
      );
      return { date, received, missing: c.roster.map((r) => r.unitId).filter((u) => !received.some((x) => x.unitId === u)) };
    },
    rollUpInputs: async (id, date) => {
      const c = world.campaigns.get(id)!;
      const rows = unitRows(c);
      return {
        roster: rows.map((r) => ({ unitId: r.unitId, name: r.name, kind: r.kind, regionId: r.regionId, active: r.status === 'active' })),
        submissions: rows.flatMap((r) =>
          Object.entries(c.units.get(r.unitId)?.submissions ?? {})
            .filter(([obligationId]) => obligationId.endsWith(`:${date}`))
            .map(([obligationId, s]) => ({
              unitId: r.unitId,
              obligationId,
              submittedAt: s.at,
              onTime: s.onTime,
              zero: s.zero,
              content: null,
            })),
        ),
      };
    },
    coverageRows: async (id) =>
      unitRows(world.campaigns.get(id)!).map((r) => ({
        unitId: r.unitId,
        regionId: r.regionId,
        ...(r.industryId === null ? {} : { industryId: r.industryId }),
        inspected: r.counters.inspections > 0,
        reporting: r.counters.onTime + r.counters.late > 0,
      })),
    scores: async (id) =>
      unitRows(world.campaigns.get(id)!).map((r) => ({
        unitId: r.unitId,
        name: r.name,
        kind: r.kind,
        regionId: r.regionId,
        industryId: r.industryId,
        status: r.status,
        counters: r.counters,
        escalations: r.escalationCount,
        hazards: { found: r.hazardIds.length, signedOff: 0, rectifiedOnTime: 0 },
      })),
    hazardCounts: async () => ({
      found: 0,
      signedOff: 0,
      signedOffOnTime: 0,
      open: 0,
      rectifying: 0,
      overdue: 0,
      overdueOpen: 0,
      listedForSupervision: 0,
    }),
    escalations: async () => [],
    events: async () => ({ items: [], next: null }),
    submissionsFor: async () => ({ items: [], total: 0 }),
  };
  return reader;
}
