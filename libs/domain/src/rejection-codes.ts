/**
 * Every refusal's stable machine code (the API's problem `code`), with its kind and the words a
 * zh-CN interface shows for it; the refusal's English text stays its `detail`. A code never
 * changes meaning once published: add a new one instead.
 *
 * `form: true` marks a rule on the form of one value (required, length, pattern, range, one of
 * a list, a list's size) that the API's OpenAPI schema states too, so a request that fits the
 * schema never meets it. The others need the state, the policy, the clock or several fields
 * at once, which a schema cannot express.
 */
export const REJECTION_CODES = {
  // The form of one value: the domain's own checks behind the API's validation.
  'input.required': { kind: 'invalid', zh: '必填项缺失', form: true },
  'input.too_long': { kind: 'invalid', zh: '内容超长', form: true },
  'input.too_few': { kind: 'invalid', zh: '条目过少', form: true },
  'input.too_many': { kind: 'invalid', zh: '条目过多', form: true },
  'input.not_a_list': { kind: 'invalid', zh: '须为列表', form: true },
  'input.not_boolean': { kind: 'invalid', zh: '须为是或否', form: true },
  'input.not_one_of': { kind: 'invalid', zh: '取值不在允许范围内', form: true },
  'input.out_of_range': { kind: 'invalid', zh: '数值超出范围', form: true },
  'input.malformed': { kind: 'invalid', zh: '格式不正确', form: true },
  'input.malformed_id': { kind: 'invalid', zh: '编号格式不正确', form: true },
  'input.unknown_field': { kind: 'invalid', zh: '未知字段', form: true },
  'idempotency.key_malformed': { kind: 'invalid', zh: '幂等键格式不正确', form: true },
  'account.login_name.malformed': { kind: 'invalid', zh: '登录名格式不正确 (3–64 位字母、数字或 . _ @ -)', form: true },
  'account.password.too_long': { kind: 'invalid', zh: '密码过长 (至多 128 位)', form: true },
  // Rules across values, or against the policy and the clock.
  'input.duplicate_id': { kind: 'invalid', zh: '编号重复' },
  'time_span.workdays_not_whole': { kind: 'invalid', zh: '工作日须为整数' },
  'time_span.too_short': { kind: 'invalid', zh: '时长过短' },
  // Only a `next` the API itself gave is a cursor: no schema can say which strings those are.
  'audit_trail.cursor_unknown': { kind: 'invalid', zh: '分页游标无效' },

  // Permissions (无权操作).
  'permission.role_not_allowed': { kind: 'forbidden', zh: '当前角色无权进行此操作' },
  'permission.own_unit_only': { kind: 'forbidden', zh: '责任单位只能操作本单位的事项' },
  'permission.outside_territory': { kind: 'forbidden', zh: '超出本级属地管辖范围 (只能管辖本地区及下级地区)' },
  'permission.outside_industry': { kind: 'forbidden', zh: '超出本部门行业监管范围' },
  'permission.not_assigned_inspector': { kind: 'forbidden', zh: '未分配检查该单位 (检查组分工: 只能检查分配给本人的单位)' },

  // Accounts and login (账号与登录).
  // Not a form rule: JSON Schema and JavaScript count a password's characters differently (code points, UTF-16 units).
  'account.password.too_short': { kind: 'invalid', zh: '密码过短 (至少 12 位)' },
  'account.password.too_simple': { kind: 'invalid', zh: '密码过于简单 (至少 5 种不同字符)' },
  'account.password.contains_login_name': { kind: 'invalid', zh: '密码不得包含登录名' },
  'account.password.current_wrong': { kind: 'invalid', zh: '当前密码不正确' },
  'account.password.unchanged': { kind: 'invalid', zh: '新密码不得与当前密码相同' },
  'account.unit_required': { kind: 'invalid', zh: '责任单位账号须指定所属单位' },
  'account.region_required': { kind: 'invalid', zh: '安委办、审计账号须指定所辖属地' },
  'account.industry_unit_only': { kind: 'invalid', zh: '只有行业主管部门 (责任单位) 账号可指定行业' },
  'account.scope_without_role': { kind: 'invalid', zh: '变更责任人、所属单位、属地或行业须同时重申角色' },
  'account.id_taken': { kind: 'conflict', zh: '账号编号已被使用' },
  'account.login_name_taken': { kind: 'conflict', zh: '登录名已被使用' },
  'account.version_stale': { kind: 'conflict', zh: '账号已被修改, 请刷新后重试' },
  'account.own_account': { kind: 'conflict', zh: '不能停用本人账号或更改本人角色' },
  'account.none': { kind: 'conflict', zh: '当前令牌未关联账号 (演示令牌), 无密码可改' },

  // Hazards (隐患排查治理).
  'hazard.policy.unknown': { kind: 'invalid', zh: '督办规则不存在' },
  'hazard.report.other_unit': { kind: 'invalid', zh: '自查自报只能报告本单位隐患' },
  'hazard.deadline.not_in_future': { kind: 'invalid', zh: '整改期限须晚于当前时间' },
  'hazard.deadline.beyond_policy': { kind: 'invalid', zh: '整改期限超出督办规则允许的最长期限' },
  'hazard.plan.five_in_place_missing': { kind: 'invalid', zh: '整改方案未达到"五到位"' },
  'hazard.verification.effect_evaluation_required': { kind: 'invalid', zh: '重大隐患验收须有效果评价' },
  'hazard.extension.not_later': { kind: 'invalid', zh: '申请的整改期限须晚于当前期限' },
  'hazard.extension.beyond_policy': { kind: 'invalid', zh: '申请的整改期限超出督办规则允许的最长期限' },
  'hazard.status.not_allowed': { kind: 'conflict', zh: '隐患当前状态不允许此操作' },
  'hazard.closed': { kind: 'conflict', zh: '隐患已销号, 不再受理操作' },
  'hazard.extension.already_pending': { kind: 'conflict', zh: '已有延期申请待审批' },
  'hazard.extension.limit_reached': { kind: 'conflict', zh: '延期次数已用完' },
  'hazard.extension.none_pending': { kind: 'conflict', zh: '没有待审批的延期申请' },
  'hazard.monitoring.not_major': { kind: 'conflict', zh: '只有重大隐患可纳入监控管理' },
  'hazard.monitoring.already_started': { kind: 'conflict', zh: '隐患已在监控管理中' },
  'hazard.monitoring.not_started': { kind: 'conflict', zh: '隐患未纳入监控管理' },

  // Campaign templates (专项行动模板).
  'campaign.template.unknown': { kind: 'invalid', zh: '模板不存在' },
  'campaign.template.choice_ambiguous': { kind: 'invalid', zh: '模板编号与内嵌模板只能二选一' },
  'campaign.template.choice_missing': { kind: 'invalid', zh: '须指定模板编号或内嵌模板' },
  'campaign.template.too_long': { kind: 'invalid', zh: '专项行动过长' },
  'campaign.template.deliverable_after_phase': { kind: 'invalid', zh: '材料期限超出阶段' },
  'campaign.template.weekday_required': { kind: 'invalid', zh: '周报须指定星期' },
  'campaign.template.weekday_not_weekly': { kind: 'invalid', zh: '仅周报可设星期' },
  'campaign.template.phase_unknown': { kind: 'invalid', zh: '阶段不存在' },
  'campaign.template.activity_after_end': { kind: 'invalid', zh: '活动日期超出专项行动' },
  'campaign.template.ladder_not_increasing': { kind: 'invalid', zh: '督办升级阶梯须逐级递增' },
  'campaign.template.cascade_empty': { kind: 'invalid', zh: '比照落实须至少有一项部署任务或汇总' },
  'campaign.template.roll_up_unknown': { kind: 'invalid', zh: '汇总所依据的报送不存在' },
  'campaign.template.roll_up_mismatch': { kind: 'invalid', zh: '汇总须与所汇总的报送同频次' },
  'campaign.template.roll_up_too_early': { kind: 'invalid', zh: '汇总截止时间须晚于下级报送截止时间' },
  'campaign.template.shipped_id': { kind: 'conflict', zh: '系统内置模板不可修改, 请以新编号另存' },
  'campaign.template.id_taken': { kind: 'conflict', zh: '模板编号已被使用' },

  // Campaigns (专项行动): launch and the office's decisions.
  'campaign.scope.region_unknown': { kind: 'invalid', zh: '属地不在范围内' },
  'campaign.scope.industry_unknown': { kind: 'invalid', zh: '行业不在范围内' },
  'campaign.scope.roster_choice_ambiguous': { kind: 'invalid', zh: '责任单位名单与单位库筛选条件只能二选一' },
  'campaign.scope.roster_choice_missing': { kind: 'invalid', zh: '须给出责任单位名单或单位库筛选条件' },
  'campaign.scope.selector_empty': { kind: 'invalid', zh: '单位库中没有符合条件的单位' },
  'campaign.scope.selector_too_many': { kind: 'invalid', zh: '符合条件的单位过多, 请分批发起' },
  'campaign.starts_at.too_early': { kind: 'invalid', zh: '开始时间不得早于一天前' },
  'campaign.decision.reason_required': { kind: 'invalid', zh: '须说明事由' },
  'campaign.phase.unknown': { kind: 'invalid', zh: '阶段不存在' },
  'campaign.phase.would_end_before_start': { kind: 'invalid', zh: '阶段时长必须为正' },
  'campaign.closed': { kind: 'conflict', zh: '专项行动已结束' },
  'campaign.ended': { kind: 'conflict', zh: '专项行动已结束, 不再受理决定' },
  'campaign.already_paused': { kind: 'conflict', zh: '专项行动已暂停' },
  'campaign.not_paused': { kind: 'conflict', zh: '专项行动未暂停' },
  'campaign.phase.ended': { kind: 'conflict', zh: '阶段已结束' },
  'campaign.unit.already_enrolled': { kind: 'conflict', zh: '单位已在专项行动中' },
  'campaign.unit.already_added': { kind: 'conflict', zh: '单位已增加' },
  'campaign.unit.already_removed': { kind: 'conflict', zh: '单位已移出' },

  // A unit's obligations in a campaign (单位任务).
  'campaign.obligation.unknown': { kind: 'invalid', zh: '任务不存在' },
  'campaign.obligation.zero_report_not_allowed': { kind: 'invalid', zh: '此项不允许零报告' },
  'campaign.report.content_required': { kind: 'invalid', zh: '非零报告须填写报送内容' },
  'campaign.inspection.tier_unknown': { kind: 'invalid', zh: '检查层级不存在' },
  'campaign.inspection.check_item_unknown': { kind: 'invalid', zh: '检查项不存在' },
  'campaign.unit.not_started': { kind: 'conflict', zh: '单位任务尚未开始 (待纳入), 请稍后再试' },
  'campaign.unit.inactive': { kind: 'conflict', zh: '单位已移出或已结束, 不再受理操作' },
  'campaign.obligation.already_reported': { kind: 'conflict', zh: '该任务已报送' },
  'campaign.obligation.before_enrolment': { kind: 'conflict', zh: '该任务在单位纳入前已到期' },
  'campaign.obligation.not_open': { kind: 'conflict', zh: '该任务尚未开放报送' },
  // An office's own tasks below a campaign (比照落实) and inspection assignments (检查组分工).
  'campaign.task.no_units': { kind: 'invalid', zh: '本级属地内没有可下达任务的单位' },
  'campaign.task.deadline_past': { kind: 'invalid', zh: '任务期限已过' },
  'campaign.task.after_end': { kind: 'invalid', zh: '任务期限晚于专项行动结束' },
  'campaign.task.unit_not_on_roster': { kind: 'invalid', zh: '单位不在专项行动名单中' },
  'campaign.task.id_taken': { kind: 'conflict', zh: '任务编号已被使用 (内容不同)' },
  'campaign.inspection.not_assigned': { kind: 'conflict', zh: '该检查人员未分配到这些单位' },

  // The registry (单位库): regions, industries, units, people and their links.
  'registry.reference.unknown': { kind: 'invalid', zh: '引用的记录不在单位库中' },
  'registry.region.parent_required': { kind: 'invalid', zh: '须指定上级属地' },
  'registry.region.level_mismatch': { kind: 'invalid', zh: '属地层级与上级不符' },
  'registry.region.code_malformed': { kind: 'invalid', zh: '行政区划代码格式不正确' },
  'registry.region.code_parent_mismatch': { kind: 'invalid', zh: '行政区划代码与上级代码不符' },
  'registry.parent_fixed': { kind: 'invalid', zh: '上级不可变更, 请注销后重新登记' },
  'registry.unit.industry_required': { kind: 'invalid', zh: '企业须指定行业' },
  'registry.unit.enterprise_only': { kind: 'invalid', zh: '此项仅适用于企业' },
  'registry.unit.enterprise_field_required': { kind: 'invalid', zh: '企业须填写此项' },
  'input.nul_character': { kind: 'invalid', zh: '文本不能包含空字符 (U+0000)' },
  'registry.unit.licensed_but_unlicensed': { kind: 'invalid', zh: '无证单位不能标记为有证' },
  'registry.competent_department.not_a_department': { kind: 'invalid', zh: '主管部门须为部门单位' },
  'registry.responsibility.target_not_allowed': { kind: 'invalid', zh: '此类责任只能指向单位' },
  'registry.record.exists': { kind: 'conflict', zh: '记录已存在, 请修改而非新建' },
  'registry.version.stale': { kind: 'conflict', zh: '记录已被他人修改, 请重新读取后再试' },
  'registry.record.retired': { kind: 'conflict', zh: '记录已注销, 不再受理修改' },
  // The official work calendar (工作日历): years loaded by the office, deadlines counted on them.
  'calendar.year_not_covered': { kind: 'invalid', zh: '该年度的工作日历尚未载入' },
  'calendar.year_out_of_range': { kind: 'invalid', zh: '年度超出可载入范围' },
  'calendar.date_outside_year': { kind: 'invalid', zh: '日期不在该年度内' },
  'calendar.date_duplicated': { kind: 'invalid', zh: '日期重复' },
  'calendar.holiday_and_makeup': { kind: 'invalid', zh: '同一日期不能既是节假日又是调休上班日' },
  'calendar.makeup_not_weekend': { kind: 'invalid', zh: '调休上班日须为周六或周日' },
  'calendar.version_stale': { kind: 'conflict', zh: '工作日历已被修改, 请按最新版本重试' },
  // Accidents (事故): the report, the reporting chain, tip-offs and the investigation (四不放过).
  'accident.report.time_order': { kind: 'invalid', zh: '须事故发生在先、报告在后, 且均不晚于当前时间' },
  'accident.report.other_unit': { kind: 'invalid', zh: '事故单位只能报告本单位事故' },
  'accident.chain.obligation_unknown': { kind: 'invalid', zh: '报告层级不在该事故的上报链中' },
  'accident.tip_off.not_verified': { kind: 'invalid', zh: '举报未经核实, 不能据此登记事故' },
  'accident.investigation.level_below_grade': { kind: 'invalid', zh: '调查级别低于事故等级规定的级别' },
  'accident.investigation.not_higher': { kind: 'invalid', zh: '提级调查须高于当前调查级别' },
  'accident.investigation.listing_not_higher': { kind: 'invalid', zh: '挂牌督办须由上级安委会作出' },
  'accident.investigation.extension_too_long': { kind: 'invalid', zh: '延长期限最长不超过60日' },
  'accident.education.attendees_required': { kind: 'invalid', zh: '须填写受教育人员' },
  'accident.chain.already_received': { kind: 'conflict', zh: '该层级报告已收到' },
  'accident.investigation.not_opened': { kind: 'conflict', zh: '事故调查尚未启动' },
  'accident.investigation.already_opened': { kind: 'conflict', zh: '事故调查已启动' },
  'accident.investigation.closed': { kind: 'conflict', zh: '事故调查已结案' },
  'accident.investigation.already_listed': { kind: 'conflict', zh: '事故已挂牌督办' },
  'accident.investigation.extension_used': { kind: 'conflict', zh: '调查报告期限已延长过一次' },
  'accident.investigation.report_in': { kind: 'conflict', zh: '事故调查报告已提交, 无需延期' },
  'accident.investigation.report_accepted': { kind: 'conflict', zh: '事故调查报告已通过, 须先重新打开"原因未查清不放过"' },
  'accident.gate.already_closed': { kind: 'conflict', zh: '该项已落实' },
  'accident.gate.not_closed': { kind: 'conflict', zh: '该项尚未落实' },
  'accident.gate.not_satisfied': { kind: 'conflict', zh: '该项条件未满足, 不能认定落实' },
  'accident.gate.open': { kind: 'conflict', zh: '"四不放过"未全部落实, 不能结案' },
  'accident.rectification.already_linked': { kind: 'conflict', zh: '该隐患已关联本事故' },
  'accident.rectification.not_linked': { kind: 'conflict', zh: '该隐患未关联本事故' },
  // Tip-offs and media reports (举报, 媒体报道) and their verification (核查).
  'tip_off.accident_required': { kind: 'invalid', zh: '核查属实须指明事故: 已登记的事故, 或新事故的情况' },
  'tip_off.accident_not_allowed': { kind: 'invalid', zh: '核查不属实的举报不关联事故' },
  'tip_off.already_verified': { kind: 'conflict', zh: '该举报已核查完毕' },
  'tip_off.link_unexpected': { kind: 'conflict', zh: '该举报不待关联此事故' },
  'accountability.action.already_done': { kind: 'conflict', zh: '问责事项已办结 (约谈已记录)' },
  // 挂牌督办 by level, and its 销号 (hazard listings).
  'hazard.listing.level_lower': { kind: 'invalid', zh: '挂牌督办只能提级, 不能降级' },
  'hazard.listing.not_listed': { kind: 'conflict', zh: '隐患未挂牌督办' },
  'hazard.listing.already_delisted': { kind: 'conflict', zh: '挂牌督办已销号' },
  'hazard.listing.not_signed_off': { kind: 'conflict', zh: '隐患整改验收通过后方可挂牌销号' },
  // Accounts checked against the registry (账号与单位库核对).
  'account.person_unknown': { kind: 'invalid', zh: '责任人不在单位库中' },
  'account.unit_unknown': { kind: 'invalid', zh: '所属单位不在单位库中' },
  'account.person_not_in_unit': { kind: 'invalid', zh: '责任人不属于所指定的单位' },
  'account.region_unknown': { kind: 'invalid', zh: '属地不在单位库中' },
  'account.region_not_unit_region': { kind: 'invalid', zh: '安委办、审计账号的属地须为其所属单位的属地' },
  'account.industry_unknown': { kind: 'invalid', zh: '行业不在单位库中' },
  'account.industry_not_department': { kind: 'invalid', zh: '只有行业主管部门的账号可指定行业' },
  'account.industry_not_governed': { kind: 'invalid', zh: '该部门在本属地不主管此行业' },
} as const satisfies Record<string, { kind: 'invalid' | 'forbidden' | 'conflict'; zh: string; form?: true }>;

export type RejectionCode = keyof typeof REJECTION_CODES;

/** The codes of one kind, so `invalid(...)` cannot carry a conflict's code. */
export type RejectionCodeOf<K extends (typeof REJECTION_CODES)[RejectionCode]['kind']> = {
  [C in RejectionCode]: (typeof REJECTION_CODES)[C]['kind'] extends K ? C : never;
}[RejectionCode];
