/** Bounds that keep a campaign's obligations and workflow payloads small. */
export const TEMPLATE_LIMITS = {
  phases: 20,
  /** Per list: deliverables per phase, reports, targets, check items, activities, tiers, ladder rungs. */
  items: 200,
  /** Longest campaign, counting a working day as 7/5 of a day (two years). */
  campaignDays: 731,
} as const;
