import { fakeRegistryReader } from './fake-registry';
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  buildCampaignSchedule,
  decideCampaign,
  decideUnit,
  enrolledUnitState,
  launchedCampaignState,
  phaseAt,
  type Actor,
  type CampaignCommand,
  type CampaignState,
  type CampaignTemplate,
  type HazardPolicy,
  type ScopeUnit,
  type UnitCommand,
  type UnitObligationsState,
  applyEvents,
  campaignDecider,
  unitDecider,
  mayReadCampaign,
  withinBounds,
  type Place,
} from '@duban/domain';
import type { CampaignLedgerReader, CampaignLedgerRow, CampaignUnitFilter, CampaignUnitRow, HazardLedgerReader } from '@duban/persistence';
import type { CampaignView, CampaignWorkflowInput, UnitView } from '@duban/workflows';
import type { CampaignTemplateStore, StoredCampaignTemplate } from '../campaigns/campaign-template-store';
import { FakeTemporal, type FakeWorkflowHandle } from './fake-temporal';

/**
 * The campaign HTTP specs' world: a fake Temporal client that runs the domain's own decisions
 * (as the workflows' validators and handlers do), an in-memory campaign ledger and template
 * store. The real workflows and PostgreSQL are the end-to-end tests' job.
 */
/** The API's clock in the campaign specs: 16:00 China Standard Time on the campaign's first day. */
export const NOW = new Date('2026-03-02T08:00:00.000Z');
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const CAMPAIGN_COMMAND: Record<string, CampaignCommand['type']> = {
  pauseCampaign: 'pause',
  resumeCampaign: 'resume',
  extendPhase: 'extend_phase',
  addUnit: 'add_unit',
  removeUnit: 'remove_unit',
  closeCampaign: 'close',
  addTask: 'add_task',
  assignInspector: 'assign_inspector',
  unassignInspector: 'unassign_inspector',
};
const UNIT_COMMAND: Record<string, UnitCommand['type']> = {
  submitReport: 'submit_report',
  recordInspection: 'record_inspection',
  recordFinding: 'record_finding',
};

interface FakeCampaign {
  state: CampaignState;
  hazardPolicy: HazardPolicy;
  roster: CampaignUnitRow[];
  units: Map<string, UnitObligationsState>;
}

export class InMemoryTemplateStore implements CampaignTemplateStore {
  readonly rows = new Map<string, StoredCampaignTemplate>();
  async list() {
    return [...this.rows.values()];
  }
  async get(id: string) {
    return this.rows.get(id);
  }
  async insert(template: CampaignTemplate, by: Actor) {
    if (this.rows.has(template.id)) return undefined;
    const stored = { template: clone(template), createdBy: by.id, createdAt: NOW.toISOString() };
    this.rows.set(template.id, stored);
    return stored;
  }
}

export class FakeCampaignWorld extends FakeTemporal<CampaignWorkflowInput> {
  campaigns = new Map<string, FakeCampaign>();
  unitFilters: CampaignUnitFilter[] = [];
  reportDays: string[] = [];
  templates = new InMemoryTemplateStore();
  /** The registry (单位库) a launch by scope reads. */
  registry = fakeRegistryReader();
  /** Where each unit sits, for the lists' bounds (the matrix gives the registry's; by default only ids are known). */
  placeOf: (unitId: string) => Place = (unitId) => ({ unitId, regionPath: null, industryPath: null });
  /** The path of a region, for the campaigns list's line (the matrix gives the registry's). */
  regionPathOf: (regionId: string) => readonly string[] | null = () => null;

  private schedule(c: FakeCampaign) {
    return buildCampaignSchedule(c.state.template, new Date(c.state.startsAt), c.state.phaseExtensions);
  }

  view(c: FakeCampaign): CampaignView {
    const schedule = this.schedule(c);
    return { state: c.state, schedule, currentPhase: phaseAt(schedule, NOW), unitsLaunched: c.roster.length };
  }

  private unitView(c: FakeCampaign, state: UnitObligationsState): UnitView {
    return { state, schedule: this.schedule(c), open: [] };
  }

  private rosterRow(campaignId: string, unit: ScopeUnit, index: number): CampaignUnitRow {
    return {
      campaignId,
      unitId: unit.unitId,
      rosterIndex: index,
      name: unit.name,
      kind: unit.kind,
      regionId: unit.regionId,
      industryId: unit.industryId ?? null,
      status: 'active',
      enrolledAt: NOW.toISOString(),
      counters: { due: 0, onTime: 0, late: 0, missed: 0, zeroReports: 0, inspections: 0, findings: 0 },
      escalationCount: 0,
      lastEscalationInstrument: null,
      lastEscalatedAt: null,
      hazardIds: [],
      version: 1,
      updatedAt: NOW.toISOString(),
    };
  }

  /** The workflow handles a test may reach: a campaign's, or one unit's obligations. */
  protected handle(workflowId: string): FakeWorkflowHandle {
    const unitMatch = /^campaign-(.+?)-unit-(.+)$/.exec(workflowId);
    const campaignId = unitMatch ? unitMatch[1] : workflowId.replace(/^campaign-/, '');
    const find = () => {
      const c = this.campaigns.get(campaignId);
      if (!c) throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
      return c;
    };
    if (unitMatch) {
      const unitId = unitMatch[2];
      const findUnit = () => {
        const c = find();
        const state = c.units.get(unitId);
        if (!state) throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
        return { c, state };
      };
      return {
        update: async (name, args) => {
          const { c, state } = findUnit();
          const { actor, ...rest } = args[0] as { actor: Actor } & Record<string, unknown>;
          const hazardId = randomUUID();
          const command = (
            name === 'recordFinding'
              ? { type: 'record_finding', actor, hazardId, report: { ...rest, unitId, source: 'campaign' } }
              : { ...rest, actor, type: UNIT_COMMAND[name] }
          ) as UnitCommand;
          const events = decideUnit(state, command, NOW, { template: c.state.template, schedule: this.schedule(c), hazardPolicy: c.hazardPolicy });
          const applied = applyEvents(unitDecider, state, events);
          c.units.set(unitId, applied.state);
          const result = { events: applied.events, view: this.unitView(c, applied.state) };
          return name === 'recordFinding' ? { ...result, hazardId } : result;
        },
        query: async () => {
          const { c, state } = findUnit();
          return this.unitView(c, state);
        },
      };
    }
    return {
      update: async (name, args) => {
        const c = find();
        const command = { ...(args[0] as object), type: CAMPAIGN_COMMAND[name] } as CampaignCommand;
        const events = decideCampaign(c.state, this.schedule(c), command, NOW);
        const applied = applyEvents(campaignDecider, c.state, events);
        c.state = applied.state;
        return { events: applied.events, view: this.view(c) };
      },
      query: async () => this.view(find()),
    };
  }

  protected start(input: CampaignWorkflowInput) {
    const launch = input.launch!;
    const c: FakeCampaign = {
      state: launchedCampaignState(launch, input.launchedBy!),
      hazardPolicy: input.hazardPolicy!,
      roster: launch.scope.units.map((u, i) => this.rosterRow(launch.campaignId, u, i)),
      units: new Map(launch.scope.units.map((u) => [u.unitId, enrolledUnitState(launch.campaignId, u, NOW.toISOString(), false)])),
    };
    this.campaigns.set(launch.campaignId, c);
    return this.view(c);
  }

  private row(c: FakeCampaign): CampaignLedgerRow {
    const schedule = this.schedule(c);
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
  private rows(c: FakeCampaign): CampaignUnitRow[] {
    return c.roster.map((r) => {
      const state = c.units.get(r.unitId);
      return state ? { ...r, status: state.status, counters: state.counters, hazardIds: state.hazardIds } : r;
    });
  }

  readonly ledger: Partial<CampaignLedgerReader> = {
    get: async (id) => {
      const c = this.campaigns.get(id);
      return c && this.row(c);
    },
    list: async (filter = {}) => {
      const line = filter.line;
      const onLine = (row: CampaignLedgerRow) =>
        !line ||
        mayReadCampaign({ id: 'reader', name: 'reader', role: 'office', regionId: line.regionId }, line.regionPath, {
          campaignId: row.campaignId,
          regionId: row.launchedBy.regionId,
          regionPath: row.launchedBy.regionId === null ? null : this.regionPathOf(row.launchedBy.regionId),
        });
      const items = [...this.campaigns.values()].map((c) => this.row(c)).filter(onLine);
      return { items, total: items.length };
    },
    plan: async (id) => {
      const c = this.campaigns.get(id);
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
      const c = this.campaigns.get(id);
      return c && this.rows(c).find((r) => r.unitId === unitId);
    },
    units: async (id, filter = {}) => {
      this.unitFilters.push(filter);
      const c = this.campaigns.get(id);
      const items = c
        ? this.rows(c).filter(
            (r) =>
              (!filter.status || r.status === filter.status) &&
              (!filter.regionId || r.regionId === filter.regionId) &&
              withinBounds(filter.bounds ?? {}, this.placeOf(r.unitId)),
          )
        : [];
      return { items, total: items.length };
    },
    reportsForDay: async (id, date) => {
      this.reportDays.push(date);
      const c = this.campaigns.get(id)!;
      const received = this.rows(c).flatMap((r) =>
        Object.entries(c.units.get(r.unitId)?.submissions ?? {})
          .filter(([obligationId]) => obligationId.endsWith(`:${date}`))
          .map(([obligationId, s]) => ({ unitId: r.unitId, obligationId, onTime: s.onTime, zero: s.zero, submittedAt: s.at })),
      );
      return { date, received, missing: c.roster.map((r) => r.unitId).filter((u) => !received.some((x) => x.unitId === u)) };
    },
    rollUpInputs: async (id, date) => {
      const c = this.campaigns.get(id)!;
      const rows = this.rows(c);
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
      this.rows(this.campaigns.get(id)!).map((r) => ({
        unitId: r.unitId,
        regionId: r.regionId,
        ...(r.industryId === null ? {} : { industryId: r.industryId }),
        inspected: r.counters.inspections > 0,
        reporting: r.counters.onTime + r.counters.late > 0,
      })),
    scores: async (id) =>
      this.rows(this.campaigns.get(id)!).map((r) => ({
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

  readonly hazards: Partial<HazardLedgerReader> = {
    list: async () => ({ items: [], total: 0 }),
  };
}
