import type { AccidentGrade } from './accident-grade';

/** The levels of government an accident is reported to and investigated by, lowest first. */
export const AUTHORITY_LEVELS = ['county', 'city', 'province', 'state_council'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

export const AUTHORITY_LEVEL_LABELS: Record<AuthorityLevel, string> = {
  county: '县级 (county)',
  city: '设区的市级 (city)',
  province: '省级 (province)',
  state_council: '国务院 (State Council)',
};

export function levelRank(level: AuthorityLevel): number {
  return AUTHORITY_LEVELS.indexOf(level);
}

/** The level one above (the State Council stays the State Council). */
export function levelAbove(level: AuthorityLevel): AuthorityLevel {
  return AUTHORITY_LEVELS[Math.min(levelRank(level) + 1, AUTHORITY_LEVELS.length - 1)];
}

/**
 * 条例 第十九条: the government that investigates each grade (一般 county, 较大 city, 重大
 * province, 特别重大 the State Council or the departments it authorises). 第十条 sends the report
 * up to the same levels (一般 to the city, 较大 to the province …) — see reporting-chain.ts.
 */
export const INVESTIGATING_LEVEL_BY_GRADE: Record<AccidentGrade, AuthorityLevel> = {
  general: 'county',
  larger: 'city',
  major: 'province',
  extraordinarily_major: 'state_council',
};
