import type { AccidentGrade } from './accident-grade';
import { INVESTIGATING_LEVEL_BY_GRADE, levelAbove, levelRank, type AuthorityLevel } from './authority-level';

/** Why an investigation sits at its level. */
export type InvestigationBasis = 'grade' | 'campaign_upgrade' | 'taken_over';

export const INVESTIGATION_BASIS_LABELS: Record<InvestigationBasis, string> = {
  grade: '按事故等级 (by the grade, 条例 第十九条)',
  campaign_upgrade: '专项行动期间提级调查 (one level up during a campaign: 事故调查处理要升级, 002 篇八)',
  taken_over: '上级提级调查 (taken over by a higher level, 条例 第二十条)',
};

/**
 * The level an investigation opens at: the grade's (一般 county … 特别重大 State Council), one
 * level up when the accident happened during a campaign whose template upgrades investigations,
 * or a higher level that decides to take it over (never lower than the grade's).
 */
export function investigationLevel(
  grade: AccidentGrade,
  options: { upgradingCampaign?: boolean; requestedLevel?: AuthorityLevel } = {},
): { level: AuthorityLevel; basis: InvestigationBasis; requiredLevel: AuthorityLevel } {
  const requiredLevel = INVESTIGATING_LEVEL_BY_GRADE[grade];
  const byRule = options.upgradingCampaign ? levelAbove(requiredLevel) : requiredLevel;
  const basis: InvestigationBasis = byRule === requiredLevel ? 'grade' : 'campaign_upgrade';
  if (options.requestedLevel !== undefined && levelRank(options.requestedLevel) > levelRank(byRule)) {
    return { level: options.requestedLevel, basis: 'taken_over', requiredLevel };
  }
  return { level: byRule, basis, requiredLevel };
}
