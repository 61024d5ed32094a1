import type { CampaignEventBody, CampaignStatus } from './campaign-state';
import type { UnitKind } from './campaign-scope';
import type { ReportRequirement, TargetMetric } from './campaign-template';
import type { CoverageGapKind } from './coverage-matrix';
import type { ObligationKind } from './obligation';
import type { UnitEventType } from './unit-obligations-events';
import type { UnitCampaignStatus } from './unit-obligations-state';

/** Labels users know, English next to Chinese, for campaign enums (views, exports, API docs). */

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  running: '进行中 (running)',
  paused: '已暂停 (paused)',
  closed: '已结束 (closed)',
};

export const UNIT_CAMPAIGN_STATUS_LABELS: Record<UnitCampaignStatus, string> = {
  active: '进行中 (active)',
  paused: '已暂停 (paused)',
  removed: '已移出 (removed from scope)',
  closed: '已结束 (closed)',
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '地方政府 (local government: 县区、乡镇街道)',
  department: '行业主管部门 (competent department)',
  enterprise: '企业 (enterprise)',
};

export const OBLIGATION_KIND_LABELS: Record<ObligationKind, string> = {
  report: '定期报送 (recurring report: 一日一报/周报)',
  deliverable: '阶段材料 (phase deliverable)',
  activity: '活动信息报送 (activity report)',
};

export const REPORT_CADENCE_LABELS: Record<ReportRequirement['cadence'], string> = {
  daily: '每日 (daily, 一日一报)',
  weekly: '每周 (weekly, 周报)',
};

export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  reports_on_time_rate: '按时报送率 (reports on time)',
  deliverables_on_time_rate: '阶段材料按时报送率 (deliverables on time)',
  units_inspected_rate: '单位检查覆盖率 (units inspected)',
  hazards_rectified_rate: '隐患整改率 (hazards rectified)',
  activities_reported_rate: '活动信息报送率 (activities reported)',
};

export const COVERAGE_GAP_LABELS: Record<CoverageGapKind, string> = {
  no_units: '监管盲区: 无责任单位 (blind spot: no unit in scope)',
  not_inspected: '监管盲区: 未检查 (blind spot: no unit inspected)',
  not_reporting: '未报送 (no unit reporting)',
};

export const CAMPAIGN_EVENT_LABELS: Record<CampaignEventBody['type'], string> = {
  launched: '发起专项行动 (campaign launched)',
  units_enrolled: '单位纳入 (units enrolled)',
  paused: '暂停 (paused)',
  resumed: '恢复 (resumed)',
  phase_extended: '延长阶段 (phase extended)',
  unit_added: '增加单位 (unit added)',
  unit_removed: '移出单位 (unit removed)',
  phase_started: '进入阶段 (phase started)',
  closed: '结束 (closed)',
  task_added: '下达本级任务 (task added)',
  inspector_assigned: '检查组分工 (inspector assigned)',
  inspector_unassigned: '撤销检查分工 (inspector unassigned)',
};

export const UNIT_EVENT_LABELS: Record<UnitEventType, string> = {
  enrolled: '纳入专项行动 (enrolled)',
  report_submitted: '已报送 (report submitted)',
  obligation_missed: '逾期未报 (obligation missed)',
  escalated: '督办升级 (escalated)',
  inspection_recorded: '检查记录 (inspection recorded)',
  finding_recorded: '发现隐患 (finding recorded)',
  paused: '暂停 (paused)',
  resumed: '恢复 (resumed)',
  removed: '移出 (removed)',
  closed: '结束 (closed)',
  task_assigned: '承接本级任务 (task assigned)',
  inspector_assigned: '检查组分工 (inspector assigned)',
  inspector_unassigned: '撤销检查分工 (inspector unassigned)',
};
