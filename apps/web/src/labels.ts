import {
  CAMPAIGN_EVENT_LABELS,
  CAMPAIGN_STATUS_LABELS,
  COVERAGE_GAP_LABELS,
  ESCALATION_INSTRUMENT_LABELS,
  HAZARD_EVENT_LABELS,
  HAZARD_GRADE_LABELS,
  HAZARD_STATUS_LABELS,
  OBLIGATION_KIND_LABELS,
  ROLE_LABELS,
  UNIT_CAMPAIGN_STATUS_LABELS,
  UNIT_CAMPAIGN_STATUSES,
  UNIT_EVENT_LABELS,
} from '@duban/domain';

/** The domain's own labels, keyed loosely for templates (an unknown key shows itself). */
const lookup =
  (labels: Record<string, string>) =>
  (key: string | null | undefined): string =>
    key == null ? '—' : (labels[key] ?? key);

export const hazardStatusLabel = lookup(HAZARD_STATUS_LABELS);
export const hazardGradeLabel = lookup(HAZARD_GRADE_LABELS);
export const hazardEventLabel = lookup(HAZARD_EVENT_LABELS);
export const campaignStatusLabel = lookup(CAMPAIGN_STATUS_LABELS);
export const obligationKindLabel = lookup(OBLIGATION_KIND_LABELS);
export const roleLabel = lookup(ROLE_LABELS);
/** A campaign's trail holds its units' events too (纳入, 报送, 督办). */
export const campaignEventLabel = lookup({ ...UNIT_EVENT_LABELS, ...CAMPAIGN_EVENT_LABELS });
export const coverageGapLabel = lookup(COVERAGE_GAP_LABELS);
export const escalationLabel = lookup(ESCALATION_INSTRUMENT_LABELS);

export const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${Math.round(rate * 100)}%`);

/** A unit's status in a campaign's ledger: its workflow's, or 待纳入 before that starts. */
export const CAMPAIGN_UNIT_STATUSES = ['pending', ...UNIT_CAMPAIGN_STATUSES] as const;
export const campaignUnitStatusLabel = lookup({ pending: '待纳入 (pending)', ...UNIT_CAMPAIGN_STATUS_LABELS });
