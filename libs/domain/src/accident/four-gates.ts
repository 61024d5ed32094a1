/** 四不放过: the four gates an accident investigation must pass before it closes. */
export const FOUR_GATES = ['cause', 'responsibility', 'rectification', 'education'] as const;
export type FourGate = (typeof FOUR_GATES)[number];

export const FOUR_GATE_LABELS: Record<FourGate, { zh: string; en: string }> = {
  cause: { zh: '事故原因未查清不放过', en: 'cause established (the investigation report accepted)' },
  responsibility: { zh: '责任人员未处理不放过', en: 'responsible people dealt with' },
  rectification: { zh: '整改措施未落实不放过', en: 'rectification measures implemented (every linked hazard signed off)' },
  education: { zh: '有关人员未受到教育不放过', en: 'the people concerned educated' },
};

export function describeGate(gate: FourGate): string {
  return `${FOUR_GATE_LABELS[gate].zh} (${FOUR_GATE_LABELS[gate].en})`;
}

/** How a responsible person was dealt with (责任追究). */
export const RESPONSIBILITY_MEASURE_LABELS = {
  party_discipline: '党纪处分 (party discipline)',
  government_discipline: '政务处分 (government discipline)',
  administrative_penalty: '行政处罚 (administrative penalty)',
  judicial_referral: '移送司法机关 (referral to the judiciary)',
} as const;
export type ResponsibilityMeasure = keyof typeof RESPONSIBILITY_MEASURE_LABELS;
export const RESPONSIBILITY_MEASURES = Object.keys(RESPONSIBILITY_MEASURE_LABELS) as ResponsibilityMeasure[];
