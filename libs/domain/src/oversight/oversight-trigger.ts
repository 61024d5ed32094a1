/** What a later finding at a unit is: a major hazard (重大隐患) reported there, or an accident (事故) there. */
export const OVERSIGHT_TRIGGER_KINDS = ['major_hazard', 'accident'] as const;
export type OversightTriggerKind = (typeof OVERSIGHT_TRIGGER_KINDS)[number];

export const OVERSIGHT_TRIGGER_LABELS: Record<OversightTriggerKind, string> = {
  major_hazard: '后发现重大隐患 (a later major hazard)',
  accident: '后发生事故 (a later accident)',
};

export interface OversightTrigger {
  kind: OversightTriggerKind;
  /** The hazard's or the accident's id. */
  id: string;
  unitId: string;
  /** When it was reported (the hazard) or happened (the accident). */
  at: string;
}
