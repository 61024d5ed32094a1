import { CASE_ORIGIN_LABELS, REFERRAL_OUTCOME_LABELS, SUSPENSION_STATUS_LABELS } from '@duban/domain';
import type { EnforcementLedgerRow } from '@duban/persistence';
import { yesNo, zhWords, type LedgerSheetLayout } from '@duban/spreadsheets';

const WORDS = {
  origin: zhWords(CASE_ORIGIN_LABELS),
  suspension: zhWords(SUSPENSION_STATUS_LABELS),
  referralOutcome: zhWords(REFERRAL_OUTCOME_LABELS),
  status: { open: '办理中', closed: '已结案' },
};

/** 执法台账 as an export writes it: GET /enforcement-cases' rows, enumerated values in the domain's Chinese words, instants as ISO text. */
export const ENFORCEMENT_LEDGER_SHEET: LedgerSheetLayout<EnforcementLedgerRow> = {
  name: '执法台账',
  everything: '可见范围内的全部执法案件',
  columns: [
    { field: 'caseId', label: '案件编号', width: 38 },
    { field: 'unitId', label: '被执法单位编号', width: 20 },
    { field: 'regionId', label: '立案地区编号', width: 18 },
    { field: 'industryId', label: '行业编号', width: 16 },
    { field: 'origin', label: '案件来源', width: 18 },
    { field: 'sourceRef', label: '来源编号', width: 38 },
    { field: 'status', label: '案件状态' },
    { field: 'suspensionStatus', label: '停产整顿进展', width: 22 },
    { field: 'suspended', label: '是否停产中' },
    { field: 'fineTotalYuan', label: '罚款合计(元)', width: 14 },
    { field: 'referred', label: '是否移送司法' },
    { field: 'referralOutcome', label: '移送结果', width: 20 },
    { field: 'closureImposed', label: '是否关闭取缔' },
    { field: 'criminal', label: '是否涉嫌犯罪' },
    { field: 'respondentCount', label: '被处罚人数' },
    { field: 'violationCount', label: '违法行为数' },
    { field: 'missedCheckCount', label: '漏检次数' },
    { field: 'openedAt', label: '立案时间', width: 26 },
    { field: 'openedBy', label: '立案人', width: 16 },
    { field: 'closedAt', label: '结案时间', width: 26 },
  ],
  cells: (row) => ({
    caseId: row.caseId,
    unitId: row.unitId,
    regionId: row.regionId,
    industryId: row.industryId,
    origin: WORDS.origin[row.origin],
    sourceRef: row.sourceRef,
    status: WORDS.status[row.status],
    suspensionStatus: row.suspensionStatus === null ? null : WORDS.suspension[row.suspensionStatus],
    suspended: yesNo(row.suspended),
    fineTotalYuan: row.fineTotalYuan,
    referred: yesNo(row.referred),
    referralOutcome: row.referralOutcome === null ? null : WORDS.referralOutcome[row.referralOutcome],
    closureImposed: yesNo(row.closureImposed),
    criminal: yesNo(row.criminal),
    respondentCount: row.respondentCount,
    violationCount: row.violationCount,
    missedCheckCount: row.missedCheckCount,
    openedAt: row.openedAt,
    openedBy: row.openedBy.name,
    closedAt: row.closedAt,
  }),
};
