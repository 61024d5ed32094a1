/** 事故等级, lowest first: the order matters (a grade "reaches" every grade before it). */
export const ACCIDENT_GRADES = ['general', 'larger', 'major', 'extraordinarily_major'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export const ACCIDENT_GRADE_LABELS: Record<AccidentGrade, string> = {
  general: '一般事故 (general)',
  larger: '较大事故 (larger)',
  major: '重大事故 (major)',
  extraordinarily_major: '特别重大事故 (extraordinarily major)',
};

/** What an accident cost, as reported: whole people and whole yuan (money is never a float). */
export interface Casualties {
  deaths: number;
  /** 失踪: counted toward deaths for grading when the grading policy says so. */
  missing: number;
  /** 重伤, including acute industrial poisoning (急性工业中毒). */
  seriousInjuries: number;
  /** 直接经济损失, in whole yuan. */
  directLossYuan: number;
}

export type GradeCriterion = 'deaths' | 'seriousInjuries' | 'directLossYuan';

/** The least count of each criterion that reaches a grade above 一般 (以上 includes the number). */
export type GradeThresholds = Record<Exclude<AccidentGrade, 'general'>, Record<GradeCriterion, number>>;

export interface AccidentGradingPolicy {
  id: string;
  thresholds: GradeThresholds;
  /** Whether missing persons count toward deaths when grading. */
  missingCountAsDeaths: boolean;
  source: string;
}

const MILLION = 1_000_000;

/**
 * 《生产安全事故报告和调查处理条例》(国务院令第493号) 第三条: 特别重大 30 deaths, 100 serious
 * injuries or 100 M yuan 以上; 重大 10 / 50 / 50 M; 较大 3 / 10 / 10 M; below that 一般. The same
 * article: 以上 includes the number, 以下 excludes it.
 */
export const NATIONAL_GRADE_THRESHOLDS: GradeThresholds = {
  larger: { deaths: 3, seriousInjuries: 10, directLossYuan: 10 * MILLION },
  major: { deaths: 10, seriousInjuries: 50, directLossYuan: 50 * MILLION },
  extraordinarily_major: { deaths: 30, seriousInjuries: 100, directLossYuan: 100 * MILLION },
};

export const NATIONAL_GRADING_POLICY: AccidentGradingPolicy = {
  id: 'national-493',
  thresholds: NATIONAL_GRADE_THRESHOLDS,
  missingCountAsDeaths: true,
  source:
    '条例 (国务院令第493号) 第三条 for the thresholds. Missing persons: 第三条 names deaths only; the default counts them, as the ' +
    'Ministry of Emergency Management grades and publishes accidents by 死亡(含失踪) — an office may switch it off.',
};

export function gradeRank(grade: AccidentGrade): number {
  return ACCIDENT_GRADES.indexOf(grade);
}

/** The higher of two grades. */
export function higherGrade(a: AccidentGrade, b: AccidentGrade): AccidentGrade {
  return gradeRank(a) >= gradeRank(b) ? a : b;
}

export interface GradeFinding {
  grade: AccidentGrade;
  /** The criteria that reach the grade (empty for 一般: nothing reached a threshold). */
  reachedBy: GradeCriterion[];
}

/** The deaths counted for grading: the dead, and the missing where the policy counts them. */
export function deathsForGrading(casualties: Casualties, policy: AccidentGradingPolicy = NATIONAL_GRADING_POLICY): number {
  return casualties.deaths + (policy.missingCountAsDeaths ? casualties.missing : 0);
}

/** The highest grade any of deaths, serious injuries or direct loss reaches, and which of them reach it. */
export function gradeAccident(casualties: Casualties, policy: AccidentGradingPolicy = NATIONAL_GRADING_POLICY): GradeFinding {
  const counts: Record<GradeCriterion, number> = {
    deaths: deathsForGrading(casualties, policy),
    seriousInjuries: casualties.seriousInjuries,
    directLossYuan: casualties.directLossYuan,
  };
  for (const grade of [...ACCIDENT_GRADES].reverse()) {
    if (grade === 'general') break;
    const least = policy.thresholds[grade];
    const reachedBy = (Object.keys(least) as GradeCriterion[]).filter((criterion) => counts[criterion] >= least[criterion]);
    if (reachedBy.length > 0) return { grade, reachedBy };
  }
  return { grade: 'general', reachedBy: [] };
}
