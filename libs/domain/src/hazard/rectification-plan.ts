/**
 * 一患一档一策: the rectification plan, which must satisfy 五到位 —
 * responsibility, measures, funds, deadline and contingency plan in place
 * (责任、措施、资金、时限、预案到位).
 */
export interface RectificationPlan {
  /** 责任到位: the named person answerable for the rectification. */
  responsiblePerson: string;
  /** 措施到位: what will be done. */
  measures: string;
  /** 资金到位: funds committed (CNY) and where they come from. */
  funds: { amountYuan: number; source: string };
  /** 时限到位: when it will be done (ISO date-time); not after the hazard's deadline. */
  deadline: string;
  /** 预案到位: the interim emergency / contingency plan while the hazard exists. */
  contingencyPlan: string;
}

export const FIVE_IN_PLACE_ITEMS = {
  responsibility: '责任到位 (responsible person)',
  measures: '措施到位 (measures)',
  funds: '资金到位 (funds)',
  deadline: '时限到位 (deadline)',
  contingency: '预案到位 (contingency plan)',
} as const;
export type FiveInPlaceItem = keyof typeof FIVE_IN_PLACE_ITEMS;

const blank = (text: unknown) => typeof text !== 'string' || text.trim().length === 0;

/**
 * The 五到位 items a plan lacks, in the order users recite them. An empty list means the
 * plan is complete. `hazardDeadline` bounds the plan's own deadline: a later date needs an
 * approved extension, not a plan that quietly overruns.
 */
export function missingFiveInPlace(plan: Partial<RectificationPlan> | undefined, hazardDeadline: Date, now: Date): FiveInPlaceItem[] {
  const missing: FiveInPlaceItem[] = [];
  const p = plan ?? {};
  if (blank(p.responsiblePerson)) missing.push('responsibility');
  if (blank(p.measures)) missing.push('measures');
  const amount = p.funds?.amountYuan;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || blank(p.funds?.source)) missing.push('funds');
  const deadline = typeof p.deadline === 'string' ? new Date(p.deadline) : undefined;
  if (!deadline || Number.isNaN(deadline.getTime()) || deadline <= now || deadline > hazardDeadline) missing.push('deadline');
  if (blank(p.contingencyPlan)) missing.push('contingency');
  return missing;
}
