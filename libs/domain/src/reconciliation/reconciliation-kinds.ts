/**
 * The aggregates reconciliation (台账核对) goes over: each a workflow with a state query, a
 * ledger row and an event log written by one idempotent record activity. One table, one way
 * (the worker maps each kind to its workflow type, query and ledger). A campaign unit records
 * through a local activity, whose input is not in history: its events are compared by seq only.
 */
export const RECONCILIATION_KINDS = ['hazard', 'enforcement_case', 'accident', 'tip_off', 'covert_inspection', 'campaign', 'campaign_unit'] as const;

export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

export const RECONCILIATION_KIND_LABELS: Readonly<Record<ReconciliationKind, string>> = {
  hazard: '隐患 (hazard)',
  enforcement_case: '执法案件 (enforcement case)',
  accident: '事故 (accident)',
  tip_off: '举报 (tip-off)',
  covert_inspection: '暗查暗访 (covert inspection)',
  campaign: '专项行动 (campaign)',
  campaign_unit: '专项行动责任单位 (campaign unit)',
};
