/** How far back a later major hazard or accident looks for the signed inspections that missed it. */
export interface OversightPolicy {
  id: string;
  source: string;
  /** Calendar days before the trigger. */
  lookBackDays: number;
}

export const STANDARD_OVERSIGHT_POLICY: OversightPolicy = {
  id: 'standard-oversight-2026',
  source:
    '002 篇三: 要坚持谁排查、谁签字、谁负责 … 凡因排查不认真、不到位而疏漏重大隐患的, 要严肃追究有关人员的责任. ' +
    'The one-year look-back is an editable default, not quoted.',
  lookBackDays: 365,
};
