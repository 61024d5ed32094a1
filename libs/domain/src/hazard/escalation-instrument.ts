/** The accountability instruments the seeds name; their order and delays are each office's policy. */
export const ESCALATION_INSTRUMENTS = ['reminder', 'notice', 'listed_supervision', 'summons', 'key_management', 'accountability'] as const;
export type EscalationInstrument = (typeof ESCALATION_INSTRUMENTS)[number];

export const ESCALATION_INSTRUMENT_LABELS: Record<EscalationInstrument, string> = {
  reminder: '提醒警示 (reminder / warning)',
  notice: '通报 (public notice)',
  listed_supervision: '挂牌督办 (listed for supervision)',
  summons: '约谈 (summons of the principal)',
  key_management: '重点管理 (key management)',
  accountability: '问责 (accountability)',
};
