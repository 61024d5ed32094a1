import { days } from '../time/time-span';
import type { CampaignEscalationStep, CampaignTemplate, InspectionTier } from './campaign-template';

/**
 * The four campaign templates Duban ships (no two share an object, so editing a copy of one
 * never changes another). Each is an editable default: an office copies one,
 * changes what its own notice says (dates, phases, check items, ladder) and posts it; a
 * campaign keeps the copy it was launched with. `source` says which parts the seeds quote and
 * which are Duban's guess.
 */

/** 同步进行: the four tiers of 篇八 run at the same time, not one after another. */
export const CONCURRENT_INSPECTION_TIERS: readonly InspectionTier[] = [
  { id: 'self-inspection', name: '企业自查自纠 (unit self-inspection)' },
  { id: 'county-inspection', name: '县区排查检查 (county inspection, 属地)' },
  { id: 'city-department-supervision', name: '市直部门督查 (city department supervision, 行业)' },
  { id: 'city-committee-guidance', name: '市安委督导 (city safety committee guidance)' },
];

/** The usual per-unit ladder for missed obligations: 提醒 → 通报 → 约谈. */
const STANDARD_UNIT_LADDER: readonly CampaignEscalationStep[] = [
  { id: 'reminder-after-1-missed', instrument: 'reminder', afterMissed: 1 },
  { id: 'notice-after-3-missed', instrument: 'notice', afterMissed: 3 },
  { id: 'summons-after-5-missed', instrument: 'summons', afterMissed: 5 },
];

export const HUNDRED_DAY_DRIVE_TEMPLATE: CampaignTemplate = {
  id: 'hundred-day-drive',
  name: '百日安全生产活动 (100-day safety drive)',
  kind: 'hundred_day_drive',
  description:
    '百日安全生产活动: 100 days in four phases, 动员部署 → 自查自纠 → 集中整治 → 总结验收; 一日一报 by 17:00 (零报告 allowed) and a weekly summary (周报) every Friday; one deliverable per phase.',
  source:
    'The seeds only name the drive (002 篇八: 全市第二个百日安全生产活动); the phases, their durations, the reports, deliverables, targets and ladder are an editable default (the usual shape), not a quoted one.',
  phases: [
    {
      id: 'mobilization',
      name: '动员部署 (mobilization)',
      duration: days(10),
      deliverables: [{ id: 'implementation-plan', name: '实施方案 (implementation plan)', dueAfter: days(5) }],
    },
    {
      id: 'self-inspection',
      name: '自查自纠 (self-inspection and correction)',
      duration: days(30),
      deliverables: [{ id: 'self-inspection-report', name: '自查报告 (self-inspection report)' }],
    },
    {
      id: 'focused-rectification',
      name: '集中整治 (focused rectification)',
      duration: days(45),
      deliverables: [{ id: 'rectification-ledger', name: '整治台账 (rectification ledger)' }],
    },
    {
      id: 'summary-acceptance',
      name: '总结验收 (summary and acceptance)',
      duration: days(15),
      deliverables: [{ id: 'summary-report', name: '总结报告 (summary report)', dueAfter: days(10) }],
    },
  ],
  reports: [
    { id: 'daily', name: '一日一报 (daily report)', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true },
    { id: 'weekly-summary', name: '每周小结 (weekly summary)', cadence: 'weekly', cutoff: '17:00', weekday: 5, zeroReportAllowed: true },
  ],
  targets: [
    { id: 'reports-on-time', name: '按时报送率 (reports on time)', metric: 'reports_on_time_rate', threshold: 0.95 },
    { id: 'deliverables-on-time', name: '阶段材料按时报送率 (phase deliverables on time)', metric: 'deliverables_on_time_rate', threshold: 1 },
    { id: 'hazards-rectified', name: '隐患百分之百整改到位 (every hazard found rectified)', metric: 'hazards_rectified_rate', threshold: 1 },
  ],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [
    { id: 'responsibility', text: '安全生产责任制落实 (党政同责、一岗双责) (responsibility system in place)' },
    { id: 'hazard-ledger', text: '隐患排查治理台账与销号管理 (hazard ledger and sign-off)' },
    { id: 'training', text: '安全教育培训与持证上岗 (safety training, certified operators)' },
    { id: 'emergency', text: '应急预案与应急演练 (emergency plans and drills)' },
    { id: 'major-hazard-sources', text: '重大危险源监控 (major hazard sources monitored)' },
    { id: 'illegal-operations', text: '打非治违: 无证、超范围、超能力生产经营 (illegal or unlicensed operation)' },
  ],
  activities: [],
  inspectionTiers: CONCURRENT_INSPECTION_TIERS.map((tier) => ({ ...tier })),
  escalation: STANDARD_UNIT_LADDER.map((step) => ({ ...step })),
};

export const BIG_INSPECTION_TEMPLATE: CampaignTemplate = {
  id: 'big-inspection',
  name: '安全生产大检查 (big safety inspection)',
  kind: 'big_inspection',
  description:
    '“查大系统、除大隐患、防大事故”安全生产大检查: 横到边、纵到底; 三个重点 and 三个全覆盖 (every county/town, every unit and crowded place, every industry); self-inspection, county, city-department and city-committee tiers run concurrently (同步进行); 一日一报 by each unit, rolled up daily by the office (一日一汇总); every hazard fed back with who rectifies, by when and who accepts it (百分之百整改到位); a 回头看 re-check at the end.',
  source:
    '002 篇一: 三个重点、三个全覆盖, 一日一报、一日一汇总, 横到边、纵到底, 台账管理和销号制度, 挂牌督办 for units that do not rectify. The tiers follow 002 篇八. Phase durations (the seeds run it "到年底") and the ladder are an editable default.',
  phases: [
    {
      id: 'mobilization',
      name: '动员部署 (mobilization, 成立领导小组)',
      duration: days(7),
      deliverables: [{ id: 'implementation-plan', name: '实施方案 (implementation plan)', dueAfter: days(5) }],
    },
    {
      id: 'inspection',
      name: '全面检查 (inspection: 自查、县区检查、部门督查、市安委督导同步进行)',
      duration: days(60),
      deliverables: [{ id: 'inspection-ledger', name: '检查及隐患台账 (inspection and hazard ledger, 一企一清单)' }],
    },
    {
      id: 'rectification',
      name: '集中整改 (rectification, 销号管理)',
      duration: days(30),
      deliverables: [{ id: 'rectification-feedback', name: '整改反馈汇总 (who rectifies, by when, who accepts)' }],
    },
    {
      id: 'look-back',
      name: '回头看 (look-back re-check)',
      duration: days(15),
      deliverables: [{ id: 'look-back-report', name: '回头看报告 (look-back report)' }],
    },
  ],
  reports: [
    {
      id: 'daily',
      name: '一日一报 (daily report; the office rolls them up daily, 一日一汇总)',
      cadence: 'daily',
      cutoff: '17:00',
      phases: ['inspection', 'rectification', 'look-back'],
      zeroReportAllowed: true,
    },
  ],
  targets: [
    {
      id: 'units-inspected',
      name: '所有生产经营建设单位和人员密集场所检查全覆盖 (every unit inspected)',
      metric: 'units_inspected_rate',
      threshold: 1,
    },
    { id: 'hazards-rectified', name: '百分之百整改到位 (every hazard rectified)', metric: 'hazards_rectified_rate', threshold: 1 },
    { id: 'reports-on-time', name: '一日一报按时报送 (daily reports on time)', metric: 'reports_on_time_rate', threshold: 1 },
  ],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [
    { id: 'responsibility', text: '安全生产责任制与“三管三必须”落实 (responsibility system)' },
    { id: 'licences', text: '证照齐全有效 (licences valid)' },
    { id: 'hazard-ledger', text: '隐患排查治理台账、销号管理 (hazard ledger and sign-off)' },
    { id: 'major-hazard-sources', text: '重大危险源监控 (major hazard sources monitored)' },
    { id: 'special-operators', text: '特种作业人员持证上岗 (certified special operators)' },
    { id: 'training', text: '安全教育培训 (safety training)' },
    { id: 'emergency', text: '应急预案、物资与演练 (emergency plans, supplies, drills)' },
    { id: 'crowded-places', text: '人员密集场所安全出口、消防设施 (exits and fire equipment in crowded places)' },
  ],
  activities: [],
  inspectionTiers: CONCURRENT_INSPECTION_TIERS.map((tier) => ({ ...tier })),
  escalation: [
    { id: 'reminder-after-1-missed', instrument: 'reminder', afterMissed: 1 },
    { id: 'notice-after-3-missed', instrument: 'notice', afterMissed: 3 },
    { id: 'listed-after-5-missed', instrument: 'listed_supervision', afterMissed: 5 },
    { id: 'summons-after-7-missed', instrument: 'summons', afterMissed: 7 },
  ],
};

export const CONSTRUCTION_HAZARD_SWEEP_TEMPLATE: CampaignTemplate = {
  id: 'construction-hazard-sweep',
  name: '在建工程项目安全隐患大排查 (in-construction project hazard sweep)',
  kind: 'hazard_sweep',
  description:
    '在建工程项目安全隐患大排查: one month (1月1日–2月1日) over every in-construction project (新建、改建、扩建), focused on tunnels, bridges, culverts, roads, railways, reservoirs, urban infrastructure and high-risk industries; 自查自纠、县区排查、市直部门督查、市安委督导同步进行; targets “五个100%”; 19 check items. “七个凡是”: 凡是安全生产认识不到位的、安全隐患不排除的、安全措施不落实的、责任落实不到人的不得施工 (four gates); 证照不合格、未执行“三同时”、现场管理混乱、隐患治理不到位或拒不整改、抢工期赶进度冒险作业的一律停工整顿并上限处罚; 敷衍了事、被动应付的由市安委约谈并全市公示; 活动期间发生事故的事故调查处理升级.',
  source:
    "002 篇八 (阳政安[20xx]2号): period, scope, focus, the four tiers, “五个100%” and “七个凡是” are quoted. The 19 check items are a PLACEHOLDER written by Duban (the seed refers to the notice's 19种情况 without listing them): replace them with the office's notice. Mapping the 五个100% onto metrics, the deliverables and the ladder are an editable default; the last rung stands for 约谈 + 全市公示.",
  phases: [
    {
      id: 'sweep',
      name: '集中排查整治 (sweep, 1月1日–2月1日)',
      duration: days(31),
      deliverables: [
        { id: 'sweep-plan', name: '排查方案 (sweep plan: 责任再落实、内容再细化、措施再明确)', dueAfter: days(3) },
        { id: 'monthly-risk-assessment', name: '重大危险源监控及每月风险评估 (monthly risk assessment)', dueAfter: days(20) },
        { id: 'sweep-ledger', name: '隐患排查整治台账及总结 (sweep ledger and summary)' },
      ],
    },
  ],
  reports: [{ id: 'daily', name: '一日一报 (daily sweep report)', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true }],
  targets: [
    {
      id: 'main-responsibility',
      name: '“在建工程项目建设、设计、施工、监理等各方安全生产主体责任落实率达到100%” (measured as daily self-inspection reports on time)',
      metric: 'reports_on_time_rate',
      threshold: 1,
    },
    {
      id: 'supervision-responsibility',
      name: '“各县(区)、各有关部门对在建工程项目安全监管主体责任落实率达到100%” (measured as projects inspected)',
      metric: 'units_inspected_rate',
      threshold: 1,
    },
    {
      id: 'rules-in-force',
      name: '“在建工程项目安全生产各项规章制度建立执行率达到100%” (measured as deliverables on time)',
      metric: 'deliverables_on_time_rate',
      threshold: 1,
    },
    {
      id: 'hazards-governed',
      name: '“在建工程项目隐患排查治理率达到100%” (measured as hazards rectified)',
      metric: 'hazards_rectified_rate',
      threshold: 1,
    },
    {
      id: 'risk-assessment',
      name: '“在建工程项目重大危险源监控管理和每月风险评估率达到100%” (measured as the monthly risk assessment handed in on time)',
      metric: 'deliverables_on_time_rate',
      threshold: 1,
    },
  ],
  coverage: { regions: true, units: true, industries: true },
  // PLACEHOLDER: the office's notice lists the 19 situations; these are Duban's plausible stand-ins.
  checkItems: [
    { id: 'c01-responsibility', text: '建设、设计、施工、监理各方安全生产责任制建立与落实 (responsibility of every party)' },
    { id: 'c02-on-site-staff', text: '项目负责人、专职安全员到岗履职 (project manager and safety officer on site)' },
    { id: 'c03-licences', text: '施工许可、安全生产许可证等证照齐全有效 (permits and licences valid)' },
    { id: 'c04-three-simultaneities', text: '安全设施“三同时”审查验收 (three simultaneities reviewed and accepted)' },
    { id: 'c05-dangerous-works-plan', text: '危险性较大分部分项工程专项方案编制、论证与实施 (plans for dangerous works)' },
    { id: 'c06-technical-briefing', text: '安全技术交底与班前教育 (safety briefing before work)' },
    { id: 'c07-special-operators', text: '特种作业人员持证上岗 (certified special operators)' },
    { id: 'c08-three-level-training', text: '三级安全教育培训 (three-level safety training)' },
    { id: 'c09-tunnel-geology', text: '隧道超前地质预报、监控量测与通风 (tunnel geology forecast, monitoring, ventilation)' },
    { id: 'c10-tunnel-gas', text: '隧道瓦斯等有害气体检测 (tunnel gas detection)' },
    { id: 'c11-bridge-formwork', text: '桥梁、涵洞支架、模板及高墩施工安全 (bridge and culvert falsework)' },
    { id: 'c12-deep-excavation', text: '深基坑支护与降排水 (deep excavation support and dewatering)' },
    { id: 'c13-edge-protection', text: '高处作业临边、洞口防护 (edge and opening protection)' },
    { id: 'c14-scaffolding', text: '脚手架搭设、验收与使用 (scaffolding erected and accepted)' },
    { id: 'c15-lifting-machinery', text: '起重机械、施工升降机安装验收与检测 (cranes and hoists inspected)' },
    { id: 'c16-temporary-power', text: '施工临时用电 (temporary power)' },
    { id: 'c17-explosives', text: '爆破作业与民用爆炸物品管理 (blasting and explosives)' },
    { id: 'c18-winter-fire', text: '冬季消防、防冻防滑措施 (winter fire safety, frost and slip measures)' },
    { id: 'c19-emergency', text: '应急预案、应急物资与应急演练 (emergency plans, supplies and drills)' },
  ],
  activities: [],
  inspectionTiers: CONCURRENT_INSPECTION_TIERS.map((tier) => ({ ...tier })),
  escalation: [
    { id: 'reminder-after-1-missed', instrument: 'reminder', afterMissed: 1 },
    { id: 'notice-after-3-missed', instrument: 'notice', afterMissed: 3 },
    { id: 'summons-and-city-publicity-after-5-missed', instrument: 'summons', afterMissed: 5 },
  ],
};

export const SAFETY_MONTH_TEMPLATE: CampaignTemplate = {
  id: 'safety-month',
  name: '安全生产月 (Safety Month, June)',
  kind: 'safety_month',
  description:
    '“安全生产月”: June, 8 activities (动员启动、安全宣传咨询日、主题宣讲、新闻宣传、应急演练、教育培训、警示教育、网上安全月) with two fixed dates, the 6·1 启动仪式 and the 6·16 宣传咨询日; every unit reports each activity it held (活动信息报送) and a weekly report.',
  source:
    '003 (动员部署会议讲话): the 8 activities and the 6·1 / 6·16 dates are quoted. The theme and details change every year: edit the template yearly. Report cadence, deliverable, targets and ladder are an editable default.',
  phases: [
    {
      id: 'safety-month',
      name: '安全生产月活动 (Safety Month activities, 6月1日–6月30日)',
      duration: days(30),
      deliverables: [{ id: 'month-summary', name: '活动总结 (Safety Month summary)' }],
    },
  ],
  reports: [{ id: 'weekly', name: '周报 (weekly activity report)', cadence: 'weekly', cutoff: '17:00', weekday: 5, zeroReportAllowed: true }],
  targets: [
    { id: 'activities-reported', name: '活动信息报送率 (activities reported)', metric: 'activities_reported_rate', threshold: 1 },
    { id: 'reports-on-time', name: '周报按时报送率 (weekly reports on time)', metric: 'reports_on_time_rate', threshold: 1 },
  ],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [],
  activities: [
    { id: 'launch', name: '动员启动 (mobilization launch, 6·1 启动仪式)', onDay: 0, reportRequired: true },
    { id: 'consultation-day', name: '安全宣传咨询日 (safety consultation day, 6·16)', onDay: 15, reportRequired: true },
    { id: 'theme-lectures', name: '主题宣讲 (theme lectures)', reportRequired: true },
    { id: 'news-publicity', name: '新闻宣传 (news publicity)', reportRequired: true },
    { id: 'emergency-drill', name: '应急演练 (emergency drill)', reportRequired: true },
    { id: 'education-training', name: '教育培训 (education and training)', reportRequired: true },
    { id: 'warning-education', name: '警示教育 (warning education)', reportRequired: true },
    { id: 'online-safety-month', name: '网上安全月 (online Safety Month)', reportRequired: true },
  ],
  inspectionTiers: [],
  escalation: STANDARD_UNIT_LADDER.map((step) => ({ ...step })),
};

export const SHIPPED_CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  HUNDRED_DAY_DRIVE_TEMPLATE,
  BIG_INSPECTION_TEMPLATE,
  CONSTRUCTION_HAZARD_SWEEP_TEMPLATE,
  SAFETY_MONTH_TEMPLATE,
];
