import { cstDate } from '../time/china-day';
import type { OversightPolicy } from './oversight-policy';
import type { OversightTrigger } from './oversight-trigger';
import { SIGNED_INSPECTION_KIND_LABELS, type HazardFoundAtUnit, type SignedInspection } from './signed-inspection';

/** An earlier signed inspection of the unit that recorded nothing there, with who signed it (疏漏追责). */
export type Oversight = SignedInspection & { label: string; why: string };

const DAY_MS = 86_400_000;

/** The window a trigger looks back over: [trigger − lookBackDays, trigger). */
export function oversightWindow(trigger: OversightTrigger, policy: OversightPolicy): { from: Date; until: Date } {
  const until = new Date(trigger.at);
  return { from: new Date(until.getTime() - policy.lookBackDays * DAY_MS), until };
}

/**
 * Why an inspection recorded nothing at its unit, or undefined when it recorded something:
 * - a campaign inspection recorded nothing when its inspector reported no hazard at the unit, in
 *   that campaign, on the same China calendar day (the record links a finding to its inspection
 *   by who reported it, where and when);
 * - a covert inspection, when the unit was in its sample and the team recorded no finding there;
 * - a resumption inspection, when it passed (复产验收通过);
 * - a supervision check of a suspended unit, when it found the unit not producing.
 */
function recordedNothing(inspection: SignedInspection, hazards: readonly HazardFoundAtUnit[]): string | undefined {
  switch (inspection.kind) {
    case 'campaign_inspection': {
      const day = cstDate(new Date(inspection.at));
      const found = hazards.some(
        (h) => h.campaignId === inspection.campaignId && h.reportedById === inspection.signedBy.id && cstDate(new Date(h.reportedAt)) === day,
      );
      return found ? undefined : `检查人当日未登记本单位隐患 (the inspector reported no hazard at the unit on ${day})`;
    }
    case 'covert_inspection':
      return inspection.findingsAtUnit === 0 ? '暗访抽中本单位而未记录问题 (sampled, no finding recorded)' : undefined;
    case 'resumption_inspection':
      return inspection.passed ? '复产验收通过 (passed as fit to resume)' : undefined;
    case 'supervision_check':
      return inspection.producing ? undefined : '检查未发现违规生产 (found not producing)';
  }
}

/**
 * 疏漏追责 (002 篇三: 谁排查、谁签字、谁负责): for a later major hazard or accident at a unit, the
 * signed inspections of that unit within the policy's look-back, before it, that recorded nothing
 * there — latest first, each with who signed it. The trigger's own unit only; an inspection at
 * the trigger's very moment or after it is not an earlier one.
 */
export function oversightsBefore(
  trigger: OversightTrigger,
  inspections: readonly SignedInspection[],
  hazards: readonly HazardFoundAtUnit[],
  policy: OversightPolicy,
): Oversight[] {
  const { from, until } = oversightWindow(trigger, policy);
  return inspections
    .filter((i) => i.unitId === trigger.unitId && Date.parse(i.at) >= from.getTime() && Date.parse(i.at) < until.getTime())
    .flatMap((i) => {
      const why = recordedNothing(i, hazards);
      return why === undefined ? [] : [{ ...i, label: SIGNED_INSPECTION_KIND_LABELS[i.kind], why }];
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
