import { ESCALATION_INSTRUMENT_LABELS, UNIT_CAMPAIGN_STATUS_LABELS, UNIT_KIND_LABELS } from '@duban/domain';
import type { CampaignUnitRow } from '@duban/persistence';
import { zhWords, type LedgerSheetLayout } from '@duban/spreadsheets';

const WORDS = {
  status: { pending: '待纳入', ...zhWords(UNIT_CAMPAIGN_STATUS_LABELS) },
  kind: zhWords(UNIT_KIND_LABELS),
  instrument: zhWords(ESCALATION_INSTRUMENT_LABELS),
};

/** 单位任务台账 as an export writes it: GET /campaigns/:id/units' rows (each unit's status and counters), in roster order. */
export const CAMPAIGN_UNITS_SHEET: LedgerSheetLayout<CampaignUnitRow> = {
  name: '单位任务台账',
  everything: '可见范围内本专项行动的全部单位',
  columns: [
    { field: 'unitId', label: '单位编号', width: 20 },
    { field: 'name', label: '单位名称', width: 30 },
    { field: 'kind', label: '单位类型', width: 14 },
    { field: 'regionId', label: '属地编号', width: 18 },
    { field: 'industryId', label: '行业编号', width: 16 },
    { field: 'status', label: '状态' },
    { field: 'enrolledAt', label: '纳入时间', width: 26 },
    { field: 'due', label: '应报次数' },
    { field: 'onTime', label: '按时报送' },
    { field: 'late', label: '迟报' },
    { field: 'missed', label: '漏报' },
    { field: 'zeroReports', label: '零报告' },
    { field: 'inspections', label: '检查次数' },
    { field: 'findings', label: '发现隐患' },
    { field: 'escalationCount', label: '督办次数' },
    { field: 'lastEscalation', label: '最近督办措施', width: 16 },
    { field: 'lastEscalatedAt', label: '最近督办时间', width: 26 },
    { field: 'campaignId', label: '专项行动编号', width: 20 },
  ],
  cells: (row) => ({
    unitId: row.unitId,
    name: row.name,
    kind: WORDS.kind[row.kind],
    regionId: row.regionId,
    industryId: row.industryId,
    status: WORDS.status[row.status],
    enrolledAt: row.enrolledAt,
    ...row.counters,
    escalationCount: row.escalationCount,
    lastEscalation: row.lastEscalationInstrument === null ? null : WORDS.instrument[row.lastEscalationInstrument],
    lastEscalatedAt: row.lastEscalatedAt,
    campaignId: row.campaignId,
  }),
};
