import type { Actor } from '../actor';

/** The kinds of signed inspection of a unit Duban records (谁排查、谁签字、谁负责). */
export const SIGNED_INSPECTION_KINDS = ['campaign_inspection', 'covert_inspection', 'resumption_inspection', 'supervision_check'] as const;
export type SignedInspectionKind = (typeof SIGNED_INSPECTION_KINDS)[number];

export const SIGNED_INSPECTION_KIND_LABELS: Record<SignedInspectionKind, string> = {
  campaign_inspection: '专项行动检查 (campaign inspection)',
  covert_inspection: '明察暗访 (covert inspection)',
  resumption_inspection: '复产验收 (resumption inspection, passed)',
  supervision_check: '停产期间监管检查 (supervision check of a suspended unit)',
};

/**
 * One inspection of a unit as its record holds it, with what it recorded there: the ledgers'
 * events, gathered per kind by the persistence layer.
 */
export type SignedInspection = {
  unitId: string;
  /** When it was signed: the inspection recorded, the covert inspection completed, the verdict given. */
  at: string;
  /** Who signed it, as the event records them. */
  signedBy: Actor;
  /** The other people the record names on it (the team, the inspectors). */
  alsoNamed: string[];
  /** What it is part of: the campaign, the covert inspection or the enforcement case. */
  ref: string;
  note: string;
} & (
  | { kind: 'campaign_inspection'; campaignId: string }
  | { kind: 'covert_inspection'; findingsAtUnit: number }
  | { kind: 'resumption_inspection'; passed: boolean }
  | { kind: 'supervision_check'; producing: boolean }
);

/** A hazard reported at the unit, as the hazard ledger holds it: what tells whether an inspection found it. */
export interface HazardFoundAtUnit {
  hazardId: string;
  reportedAt: string;
  reportedById: string;
  campaignId: string | null;
}
