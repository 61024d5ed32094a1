export const HAZARD_GRADES = ['general', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

export const HAZARD_GRADE_LABELS: Record<HazardGrade, string> = {
  general: '一般隐患 (general hazard)',
  major: '重大隐患 (major hazard)',
};
