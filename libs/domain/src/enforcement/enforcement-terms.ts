/** Where an enforcement case (执法案件) comes from: a hazard by its policy, an inspection, an accident, or the office directly. */
export const CASE_ORIGINS = ['hazard_overdue', 'hazard_failed_acceptance', 'inspection', 'covert_inspection', 'accident', 'office'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

export const CASE_ORIGIN_LABELS: Record<CaseOrigin, string> = {
  hazard_overdue: '隐患逾期不整改 (hazard not rectified by its deadline)',
  hazard_failed_acceptance: '隐患整改不合格 (hazard failed acceptance)',
  inspection: '监督检查 (inspection)',
  covert_inspection: '明察暗访 (covert inspection)',
  accident: '生产安全事故 (accident)',
  office: '安委办直接立案 (opened by the office)',
};

/** The origins that name a record elsewhere (the hazard, the inspection, the accident) the case must cite. */
export const ORIGINS_WITH_SOURCE: ReadonlySet<CaseOrigin> = new Set(['hazard_overdue', 'hazard_failed_acceptance', 'covert_inspection', 'accident']);

/** Who is punished together for one violation (一并处罚). */
export const RESPONDENT_ROLES = ['enterprise', 'legal_representative', 'actual_controller', 'principal', 'other'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

export const RESPONDENT_ROLE_LABELS: Record<RespondentRole, string> = {
  enterprise: '生产经营单位 (the enterprise)',
  legal_representative: '法定代表人 (legal representative)',
  actual_controller: '实际控制人 (actual controller)',
  principal: '主要负责人 (principal)',
  other: '其他责任人员 (other responsible person)',
};

/** The "四个一律" measures (002 篇一, 篇五). */
export const ENFORCEMENT_MEASURES = ['suspension', 'closure', 'maximum_fine', 'judicial_referral'] as const;
export type EnforcementMeasure = (typeof ENFORCEMENT_MEASURES)[number];

export const ENFORCEMENT_MEASURE_LABELS: Record<EnforcementMeasure, string> = {
  suspension: '停产整顿 (suspension for rectification)',
  closure: '关闭取缔 (closure, final)',
  maximum_fine: '上限处罚 (the maximum fine)',
  judicial_referral: '移送司法 (referral to the judiciary)',
};

/** The judiciary's answer to a referral (行刑衔接): it opens a criminal case, or returns it for administrative handling. */
export const REFERRAL_OUTCOMES = ['accepted', 'returned'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const REFERRAL_OUTCOME_LABELS: Record<ReferralOutcome, string> = {
  accepted: '司法机关立案 (accepted: a criminal case opened)',
  returned: '不予立案, 退回行政处理 (returned: no criminal case)',
};
