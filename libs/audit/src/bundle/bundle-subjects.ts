import {
  accidentWorkflowId,
  accountabilityActionWorkflowId,
  covertInspectionWorkflowId,
  enforcementCaseWorkflowId,
  hazardWorkflowId,
  tipOffWorkflowId,
  unitObligationsWorkflowId,
} from '@duban/domain';
import { LEDGER_PAGE_MAX } from '@duban/persistence';
import { campaignTree } from '../campaign-tree';
import type { BundleSubjectKind } from './bundle-manifest';
import { BundleSubjectNotFound, type AuditLedgers, type BundleSubject } from './bundle-subject';
import { exportedWorkflow } from './exported-workflow';
import { accidentEvents } from './ledger-event-pages';

/** Every item of an offset-paged ledger list. */
async function allListed<T>(list: (page: { limit: number; offset: number }) => Promise<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += LEDGER_PAGE_MAX) {
    const { items } = await list({ limit: LEDGER_PAGE_MAX, offset });
    all.push(...items);
    if (items.length < LEDGER_PAGE_MAX) return all;
  }
}

/** The office's accountability actions (问责) the accidents counted towards, each once. */
async function accountabilityOf(ledgers: AuditLedgers, accidentIds: readonly string[]): Promise<string[]> {
  const keys = new Set<string>();
  for (const accidentId of accidentIds) for (const f of await ledgers.accidentRecord.firingsOfAccident(accidentId)) keys.add(f.firingKey);
  return [...keys].map(accountabilityActionWorkflowId);
}

/** The workflow ids a subject stands for, in timeline order; undefined when the ledgers know no such subject. */
const WORKFLOWS: Record<BundleSubjectKind, (ledgers: AuditLedgers, id: string) => Promise<string[] | undefined>> = {
  hazard: async (ledgers, hazardId) => ((await ledgers.hazards.get(hazardId)) ? [hazardWorkflowId(hazardId)] : undefined),
  // The campaign, then each unit's obligations (the roster's order), then every hazard found in it.
  campaign: (ledgers, campaignId) => campaignTree(ledgers, campaignId),
  // The unit's obligations in each campaign, its hazards, its accidents and the accountability they
  // brought, the enforcement cases against it, the tip-offs naming it, the completed covert inspections that sampled it.
  unit: async (ledgers, unitId) => {
    const accidentIds = (await allListed((page) => ledgers.accidents.list({ unitId, ...page }))).map((a) => a.accidentId);
    const ids = [
      ...(await ledgers.campaigns.campaignIdsOfUnit(unitId)).map((campaignId) => unitObligationsWorkflowId(campaignId, unitId)),
      ...(await allListed((page) => ledgers.hazards.list({ unitId, ...page }))).map((h) => hazardWorkflowId(h.hazardId)),
      ...accidentIds.map(accidentWorkflowId),
      ...(await accountabilityOf(ledgers, accidentIds)),
      ...(await allListed((page) => ledgers.enforcement.list({ unitId, ...page }))).map((c) => enforcementCaseWorkflowId(c.caseId)),
      ...(await allListed((page) => ledgers.tipOffs.list({ bounds: { unitId }, ...page }))).map((t) => tipOffWorkflowId(t.tipOffId)),
      // Only completed ones: a plan still running is secret (不打招呼) even from the office's other teams.
      ...(await allListed((page) => ledgers.covertInspections.list({ sampledUnitId: unitId, completedOnly: true, ...page }))).map((c) =>
        covertInspectionWorkflowId(c.inspectionId),
      ),
    ];
    return ids.length === 0 ? undefined : ids;
  },
  // The accident, the hazards its investigation linked as rectification measures (整改措施), the
  // tip-offs about it (举报), the accountability it brought (问责), and the cases opened from it.
  accident: async (ledgers, accidentId) => {
    const accident = await ledgers.accidents.get(accidentId);
    if (!accident) return undefined;
    const hazardIds = new Set<string>();
    for (const e of await accidentEvents(ledgers, accidentId))
      if (e.type === 'rectification_hazard_linked') hazardIds.add((e.data as { hazardId: string }).hazardId);
    const cases = await allListed((page) => ledgers.enforcement.list({ unitId: accident.unitId, origin: 'accident', ...page }));
    return [
      accidentWorkflowId(accidentId),
      ...[...hazardIds].map(hazardWorkflowId),
      ...(await allListed((page) => ledgers.tipOffs.list({ accidentId, ...page }))).map((t) => tipOffWorkflowId(t.tipOffId)),
      ...(await accountabilityOf(ledgers, [accidentId])),
      ...cases.filter((c) => c.sourceRef === accidentId).map((c) => enforcementCaseWorkflowId(c.caseId)),
    ];
  },
  // One enforcement case (执法案件) from 立案 to 结案.
  enforcement: async (ledgers, caseId) => ((await ledgers.enforcement.get(caseId)) ? [enforcementCaseWorkflowId(caseId)] : undefined),
};

const HEADINGS: Record<BundleSubjectKind, string> = {
  hazard: '隐患履职时间线 (hazard timeline)',
  campaign: '专项行动履职时间线 (campaign timeline: the campaign, every unit, every hazard found)',
  unit: '单位履职时间线 (unit timeline: its campaign obligations, hazards, accidents and their accountability, enforcement cases, tip-offs, covert inspections)',
  accident:
    '事故履职时间线 (accident timeline: the accident, its rectification hazards, tip-offs about it, the accountability it brought, the cases opened from it)',
  enforcement: '执法案件时间线 (enforcement case timeline: 立案 to 结案)',
};

/** Resolves what `duban export` was asked for into the workflows the bundle holds. */
export async function resolveBundleSubject(ledgers: AuditLedgers, kind: BundleSubjectKind, id: string): Promise<BundleSubject> {
  const workflowIds = await WORKFLOWS[kind](ledgers, id);
  if (!workflowIds) throw new BundleSubjectNotFound(kind, id);
  return { kind, id, heading: `${id} ${HEADINGS[kind]}`, workflows: workflowIds.map((w) => exportedWorkflow(ledgers, w)) };
}
