import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { addSpan } from '../time/add-span';
import type { TimeSpan } from '../time/time-span';
import { isValidId } from '../hazard/hazard-report';
import type { Casualties } from './accident-grade';
import { casualtyChanges, parseDateTime, validateCasualties, type CasualtyChange } from './accident-report';

/** How an accident first reached the office other than by the unit's own report. */
export const TIP_OFF_CHANNEL_LABELS = {
  hotline: '举报电话 (hotline, e.g. 12350)',
  online: '网络举报 (online tip)',
  letter: '来信 (letter)',
  visit: '来访 (in person)',
  media: '媒体报道 (media report)',
} as const;
export type TipOffChannel = keyof typeof TIP_OFF_CHANNEL_LABELS;
export const TIP_OFF_CHANNELS = Object.keys(TIP_OFF_CHANNEL_LABELS) as TipOffChannel[];

/** 举报 intake: who told the office, when, what, through which channel. */
export interface TipOff {
  tipOffId: string;
  channel: TipOffChannel;
  /** The informant's name, or 匿名 (anonymous); for the media, the outlet. */
  informant: string;
  receivedAt: string;
  account: string;
  regionId: string;
  /** The unit the tip names, where it names one. */
  unitId?: string;
}

export interface TipOffPolicy {
  /** How long the office has to verify (核查) a tip about an accident. */
  verifyWithin: TimeSpan;
  source: string;
}

export const STANDARD_TIP_OFF_POLICY: TipOffPolicy = {
  verifyWithin: { amount: 24, unit: 'hours' },
  source:
    'Editable default, not a quoted rule: the seeds require a tip or media report to be checked (002 篇八: 经举报人网络举报并核实); offices set the time.',
};

export function validateTipOff(tip: TipOff, now: Date): void {
  if (!isValidId(tip.tipOffId)) throw invalid('input.malformed_id', 'tipOffId', 'tipOffId must be 1–100 letters, digits, _ . : -');
  requireOneOf(tip.channel, TIP_OFF_CHANNELS, 'channel');
  requiredText(tip.informant, 'informant', TEXT_LIMITS.shortText);
  requiredText(tip.account, 'account', TEXT_LIMITS.longText);
  if (!isValidId(tip.regionId)) throw invalid('input.malformed_id', 'regionId', 'regionId must be 1–100 letters, digits, _ . : -');
  if (tip.unitId !== undefined && !isValidId(tip.unitId)) throw invalid('input.malformed_id', 'unitId', 'unitId is not a valid id');
  if (parseDateTime(tip.receivedAt, 'receivedAt') > now)
    throw invalid('accident.report.time_order', 'receivedAt', 'receivedAt must not be in the future');
}

/** The verification obligation a tip creates: due `verifyWithin` after it was received. */
export function verificationDeadline(tip: TipOff, policy: TipOffPolicy = STANDARD_TIP_OFF_POLICY): Date {
  return addSpan(new Date(tip.receivedAt), policy.verifyWithin);
}

/** What the verification (核查) found. */
export interface TipOffVerification {
  verified: boolean;
  findings: string;
  /** The accident's real numbers, when verified. */
  casualties?: Casualties;
  /** The unit's principal and others answerable for the report (单位负责人、实际控制人 …). */
  responsiblePeople: string[];
  verifiedBy: string;
  verifiedAt: string;
}

export function validateTipOffVerification(v: TipOffVerification, now: Date): void {
  if (typeof v.verified !== 'boolean') throw invalid('input.not_boolean', 'verified', 'verified must be true or false');
  requiredText(v.findings, 'findings', TEXT_LIMITS.longText);
  requiredText(v.verifiedBy, 'verifiedBy', TEXT_LIMITS.shortText);
  if (v.verified) validateCasualties(v.casualties);
  if (!Array.isArray(v.responsiblePeople)) throw invalid('input.not_a_list', 'responsiblePeople', 'responsiblePeople must be a list of names');
  v.responsiblePeople.forEach((name, i) => requiredText(name, `responsiblePeople[${i}]`, TEXT_LIMITS.shortText));
  if (parseDateTime(v.verifiedAt, 'verifiedAt') > now)
    throw invalid('accident.report.time_order', 'verifiedAt', 'verifiedAt must not be in the future');
}

export type ConcealmentKind = 'concealment' | 'false_report';

export const CONCEALMENT_LABELS: Record<ConcealmentKind, string> = {
  concealment: '瞒报 (concealed: the unit never reported it)',
  false_report: '谎报 (falsely reported: the verified numbers are above the reported)',
};

/** A concealment finding against a unit and its responsible people. */
export interface ConcealmentFlag {
  kind: ConcealmentKind;
  unitId: string;
  responsiblePeople: string[];
  tipOffId: string;
  /** For 谎报: each number found above what the unit reported. */
  understated?: CasualtyChange[];
  reason: string;
}

/** The unit's own report as it stood when the tip came in (its latest numbers then), if it had made one. */
export interface UnitReportAtTip {
  reportedAt: string;
  casualties: Casualties;
}

/**
 * The flags a verified tip raises against `unitId`: 瞒报 when the unit had not reported before
 * the tip reached the office (a report made after being exposed does not undo it), 谎报 when the
 * verified numbers are above those the unit had reported. A tip not verified raises none.
 */
export function assessVerifiedTipOff(
  tip: TipOff,
  verification: TipOffVerification,
  unitId: string,
  unitReport: UnitReportAtTip | undefined,
): ConcealmentFlag[] {
  if (!verification.verified || !verification.casualties) return [];
  const base = { unitId, responsiblePeople: verification.responsiblePeople, tipOffId: tip.tipOffId };
  if (!unitReport || Date.parse(unitReport.reportedAt) > Date.parse(tip.receivedAt)) {
    return [
      {
        ...base,
        kind: 'concealment',
        reason: `${CONCEALMENT_LABELS.concealment}: verified tip ${tip.tipOffId} (${tip.channel}) with no report from unit ${unitId} before it`,
      },
    ];
  }
  const understated = casualtyChanges(unitReport.casualties, verification.casualties).filter((change) => change.to > change.from);
  if (understated.length === 0) return [];
  const what = understated.map((c) => `${c.field} ${c.from} → ${c.to}`).join(', ');
  return [{ ...base, kind: 'false_report', understated, reason: `${CONCEALMENT_LABELS.false_report}: verified tip ${tip.tipOffId} found ${what}` }];
}

export type VerificationTimeliness = 'pending' | 'overdue' | 'on_time' | 'late';

/** The office's own verification obligation at `now`. */
export function verificationTimeliness(
  tip: TipOff,
  verifiedAt: string | undefined,
  now: Date,
  policy: TipOffPolicy = STANDARD_TIP_OFF_POLICY,
): VerificationTimeliness {
  const deadline = verificationDeadline(tip, policy);
  if (verifiedAt === undefined || Date.parse(verifiedAt) > now.getTime()) return now > deadline ? 'overdue' : 'pending';
  return Date.parse(verifiedAt) <= deadline.getTime() ? 'on_time' : 'late';
}
