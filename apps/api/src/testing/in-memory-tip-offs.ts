import {
  decideTipOff,
  foldTipOffOpening,
  openTipOffFile,
  tipOffDecider,
  tipOffWorkflowId,
  type TipOff,
  type NewTipOffEvent,
  type TipOffCommand,
  type TipOffState,
  type TipOffStreamIds,
} from '@duban/domain';
import {
  AccidentLedgerReader,
  RegistryReader,
  TipOffLedgerReader,
  type AccidentLedgerRow,
  type TipOffLedgerFilter,
  type TipOffLedgerRow,
} from '@duban/persistence';
import { verifyTipOffUpdate, type TipOffWorkflowInput } from '@duban/workflows';
import { HealthModule } from '../health/health.module';
import { TipOffsModule } from '../tip-offs/tip-offs.module';
import { FakeDecidingTemporal } from './fake-deciding-temporal';
import { NOW, SECRET } from './in-memory-hazards';
import { startTestApp, type TestApp } from './start-test-app';
import { useSpecApp } from './use-spec-app';

/** The region every sample tip is about (the matrix registry's 北山街道, where unit-a and unit-b sit). */
export const TIP_REGION = '330106001';
/** A tip-off the matrix acts on, taken in before it starts. */
export const MATRIX_TIP_OFF_ID = '7a1c0de0-0000-4000-8000-000000001225';

export const sampleTip = {
  channel: 'online',
  informant: '匿名',
  receivedAt: '2026-03-02T06:00:00.000Z',
  account: '某重点工程隧道施工发生事故, 造成多人死亡, 未上报',
  regionId: TIP_REGION,
  unitId: 'unit-a',
};

/**
 * The tip-off HTTP specs' world: a fake Temporal that runs the domain's own decisions (as the
 * workflow's validators and handlers do), an in-memory tip-off ledger, and the accidents on record.
 * What the real workflow and PostgreSQL do is covered by test/workflows/tip-off-verification.
 */
export class InMemoryTipOffs extends FakeDecidingTemporal<TipOffWorkflowInput, TipOffState, TipOffCommand, NewTipOffEvent, TipOffStreamIds> {
  accidents = new Map<string, Pick<AccidentLedgerRow, 'accidentId' | 'investigationStatus'>>();
  listFilters: TipOffLedgerFilter[] = [];
  /** Each region's path (root first), for the territory checks and the lists' bounds; by default none is known. */
  regionPathOf: (regionId: string) => readonly string[] | null = () => null;

  constructor() {
    super({
      idPrefix: tipOffWorkflowId(''),
      open: (input) => ({ id: input.tip.tipOffId, ...foldTipOffOpening(openTipOffFile(input.tip, input.receiver, input.policy, NOW)) }),
      commandOf: { [verifyTipOffUpdate.name]: 'verify' },
      decide: (state, command) => decideTipOff(state, command, NOW),
      applier: tipOffDecider,
    });
  }

  /** A tip taken in before the spec (as the matrix needs one to act on). */
  seed(tip: TipOff): void {
    this.start({
      tip,
      receiver: { id: 'o-seed', name: '安委办', role: 'office' },
      policy: { verifyWithin: { amount: 24, unit: 'hours' }, source: 'spec' },
    } as TipOffWorkflowInput);
  }

  private row(s: TipOffState): TipOffLedgerRow {
    return {
      tipOffId: s.tipOffId,
      workflowId: tipOffWorkflowId(s.tipOffId),
      channel: s.tip.channel,
      informant: s.tip.informant,
      receivedAt: s.tip.receivedAt,
      regionId: s.tip.regionId,
      unitId: s.tip.unitId ?? null,
      receivedBy: { id: s.receivedBy.id, name: s.receivedBy.name, role: s.receivedBy.role },
      status: s.status,
      deadline: s.deadline,
      overdue: s.overdue,
      verifiedAt: s.verification?.verifiedAt ?? null,
      verifiedOnTime: s.verifiedOnTime ?? null,
      accidentId: s.accident?.accidentId ?? null,
      accidentLink: s.accident?.kind ?? null,
      accidentLinkedAt: s.accident?.linkedAt ?? null,
      concealed: s.accident?.concealment?.includes('concealment') ?? false,
      falselyReported: s.accident?.concealment?.includes('false_report') ?? false,
      version: s.lastSeq,
      updatedAt: NOW.toISOString(),
    };
  }

  private within(filter: TipOffLedgerFilter, s: TipOffState): boolean {
    const regionId = filter.bounds?.regionId;
    return regionId === undefined || (this.regionPathOf(s.tip.regionId) ?? []).includes(regionId);
  }

  readonly ledger: Partial<TipOffLedgerReader> = {
    regionOf: async (id) => this.states.get(id)?.tip.regionId,
    get: async (id) => {
      const state = this.states.get(id);
      return state && this.row(state);
    },
    snapshot: async (id) => this.states.get(id),
    list: async (filter = {}) => {
      this.listFilters.push(filter);
      const items = [...this.states.values()]
        .filter((s) => this.within(filter, s) && (!filter.status || s.status === filter.status))
        .filter((s) => filter.overdue === undefined || s.overdue === filter.overdue)
        .map((s) => this.row(s));
      return { items, total: items.length };
    },
    events: async () => ({ items: [], next: null }),
  };

  /** The accident ledger as the verification reads it: only whether an accident exists and is closed. */
  readonly accidentLedger: Partial<AccidentLedgerReader> = {
    get: async (id) => this.accidents.get(id) as AccidentLedgerRow | undefined,
  };
}

/** The tip-off API over `tipOffs`' fake Temporal and ledgers, listening on a free port. */
export function startTipOffApp(tipOffs: InMemoryTipOffs): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client: tipOffs.client,
    imports: [HealthModule, TipOffsModule],
    overrides: [
      [TipOffLedgerReader, tipOffs.ledger],
      [AccidentLedgerReader, tipOffs.accidentLedger],
      [RegistryReader, { placesOf: async () => new Map(), regionPathOf: async (regionId: string) => tipOffs.regionPathOf(regionId) }],
    ],
  });
}

/** The tip-off app for one spec file, emptied of recorded calls before each test. */
export function useTipOffSpecApp() {
  const tipOffs = new InMemoryTipOffs();
  const reset = () => {
    tipOffs.started.length = 0;
    tipOffs.updates.length = 0;
    tipOffs.listFilters.length = 0;
  };
  return Object.assign(
    useSpecApp(() => startTipOffApp(tipOffs), reset),
    { tipOffs },
  );
}
