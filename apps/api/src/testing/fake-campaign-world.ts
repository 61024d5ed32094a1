import { fakeRegistryReader } from './fake-registry';
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  decideCampaign,
  decideUnit,
  enrolledUnitState,
  launchedCampaignState,
  phaseAt,
  type Actor,
  type CampaignCommand,
  type CampaignTemplate,
  type ScopeUnit,
  type UnitCommand,
  type UnitObligationsState,
  applyEvents,
  campaignDecider,
  unitDecider,
  type Place,
} from '@duban/domain';
import type { CampaignLedgerReader, CampaignUnitFilter, CampaignUnitRow, HazardLedgerReader } from '@duban/persistence';
import type { CampaignView, CampaignWorkflowInput, UnitView } from '@duban/workflows';
import type { CampaignTemplateStore, StoredCampaignTemplate } from '../campaigns/campaign-template-store';
import { NOW } from './campaign-clock';
import { FakeTemporal, type FakeWorkflowHandle } from './fake-temporal';
import { inMemoryCampaignLedger, scheduleOf, type CampaignLedgerWorld, type FakeCampaign } from './in-memory-campaign-ledger';

/**
 * The campaign HTTP specs' world: a fake Temporal client that runs the domain's own decisions
 * (as the workflows' validators and handlers do), an in-memory campaign ledger and template
 * store. The real workflows and PostgreSQL are the end-to-end tests' job.
 */
export { NOW } from './campaign-clock';
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

export class FakeCampaignWorld extends FakeTemporal<CampaignWorkflowInput> implements CampaignLedgerWorld {
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

  view(c: FakeCampaign): CampaignView {
    const schedule = scheduleOf(c);
    return { state: c.state, schedule, currentPhase: phaseAt(schedule, NOW), unitsLaunched: c.roster.length };
  }

  private unitView(c: FakeCampaign, state: UnitObligationsState): UnitView {
    return { state, schedule: scheduleOf(c), open: [] };
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
          const events = decideUnit(state, command, NOW, { template: c.state.template, schedule: scheduleOf(c), hazardPolicy: c.hazardPolicy });
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
        const events = decideCampaign(c.state, scheduleOf(c), command, NOW);
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

  /** The campaign ledger as the ledger writer would project the campaigns (in-memory-campaign-ledger.ts). */
  readonly ledger: Partial<CampaignLedgerReader> = inMemoryCampaignLedger(this);

  readonly hazards: Partial<HazardLedgerReader> = {
    list: async () => ({ items: [], total: 0 }),
  };
}
