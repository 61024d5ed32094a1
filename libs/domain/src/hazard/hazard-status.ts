/** Where a hazard is in its life (隐患闭环管理). */
export const HAZARD_STATUSES = ['awaiting_plan', 'rectifying', 'awaiting_verification', 'signed_off'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  awaiting_plan: '待制定整改方案 (reported, awaiting the rectification plan)',
  rectifying: '整改中 (rectifying)',
  awaiting_verification: '待验收 (completion claimed, awaiting verification)',
  signed_off: '已销号 (signed off)',
};

/** States in which the responsible unit still owes work, so deadlines and the ladder run. */
export const UNIT_OWES_WORK: ReadonlySet<HazardStatus> = new Set(['awaiting_plan', 'rectifying']);

export const HAZARD_SOURCES = ['inspection', 'self_inspection', 'covert_inspection', 'tip_off', 'campaign'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_SOURCE_LABELS: Record<HazardSource, string> = {
  inspection: '检查发现 (inspection)',
  self_inspection: '自查自报 (self-inspection)',
  covert_inspection: '明察暗访 (covert inspection)',
  tip_off: '举报核查 (public tip-off, verified)',
  campaign: '专项行动排查 (campaign finding)',
};
