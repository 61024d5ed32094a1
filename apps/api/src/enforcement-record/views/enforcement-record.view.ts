import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHEDULED_ENFORCEMENT_REVIEW_REASON } from '@duban/workflows';
import { ActorView } from '../../http/actor.view';

/** 规则触发: one firing of a rule over the enforcement record (同一企业一个月内2次严重非法违法行为 → 关闭整顿). */
export class EnforcementFiringView {
  @ApiProperty({ description: '触发编号 (firing key): `<ruleId>:<unitId>:<violation ids>`.' }) firingKey!: string;
  @ApiProperty({ description: '规则 (rule) id.' }) ruleId!: string;
  @ApiProperty({ description: '企业 (unit) id.' }) unitId!: string;
  @ApiProperty({ description: '地区 (region) of the last triggering act’s case.' }) regionId!: string;
  @ApiProperty({ description: '触发的违法行为 (violations that triggered it).', type: [String] }) violationIds!: string[];
  @ApiProperty({ description: '所在案件 (their cases).', type: [String] }) caseIds!: string[];
  @ApiProperty({ description: '窗口起 (window from), the first act’s China day.' }) windowFrom!: string;
  @ApiProperty({ description: '窗口止 (window to, inclusive), China day.' }) windowTo!: string;
  @ApiProperty({ description: '触发日 (fired on), the last act’s China day.' }) firedOn!: string;
  @ApiProperty({ description: '措施 (measure), e.g. 提请关闭.' }) measure!: string;
  @ApiProperty({ description: '责任主体 (accountable).' }) accountable!: string;
  @ApiProperty({ description: '首次发现的检查编号 (the review run that found it first).' }) runId!: string;
  @ApiProperty({ description: '记录时间 (recorded at).', format: 'date-time' }) recordedAt!: string;
}

/** 黑名单: one entry or exit of an enterprise, with who recorded it, when and why. */
export class BlacklistChangeView {
  @ApiProperty({ description: '变更编号 (change key): `<ruleId>:<unitId>:<enteredOn>:entry|exit`.' }) changeKey!: string;
  @ApiProperty({ description: '规则 (rule) id.' }) ruleId!: string;
  @ApiProperty({ description: '企业 (unit) id.' }) unitId!: string;
  @ApiProperty({ description: 'entry 纳入 | exit 移出.', enum: ['entry', 'exit'] }) kind!: 'entry' | 'exit';
  @ApiProperty({ description: '变更日 (on day), China day.' }) onDay!: string;
  @ApiProperty({ description: '纳入日 (entered on) of the stay it belongs to.' }) enteredOn!: string;
  @ApiProperty({ description: 'Entry: the violations that put it there; exit: those found while listed.', type: [String] }) violationIds!: string[];
  @ApiProperty({ description: '公开曝光 (public exposure) with the entry.' }) exposure!: boolean;
  @ApiProperty({ description: '记录人 (actor).', type: () => ActorView }) actor!: ActorView;
  @ApiProperty({ description: '记录时间 (at).', format: 'date-time' }) at!: string;
  @ApiProperty({ description: '理由 (reason).' }) reason!: string;
  @ApiProperty({ description: '检查编号 (the review run that recorded it).' }) runId!: string;
}

/** A review run (规则运行): where it stands; once completed, what it found within what the caller may see. */
export class EnforcementRecordReviewRunView {
  @ApiProperty({ description: '检查编号 (run id).' }) runId!: string;
  @ApiProperty({ description: 'running 检查中 | completed 已完成 | failed 未完成.', enum: ['running', 'completed', 'failed'] })
  status!: 'running' | 'completed' | 'failed';
  @ApiPropertyOptional({ description: '检查日 (as of), once completed.' }) asOf?: string;
  @ApiPropertyOptional({
    description: `运行理由 (reason), once completed: the office's, or the daily Schedule's \`${SCHEDULED_ENFORCEMENT_REVIEW_REASON}\`; null for runs from before a reason was asked.`,
    type: String,
    nullable: true,
  })
  reason?: string | null;
  @ApiPropertyOptional({
    description: '发起人 (who asked for it), once completed; null for the Schedule’s runs.',
    type: () => ActorView,
    nullable: true,
  })
  requestedBy?: ActorView | null;
  @ApiPropertyOptional({ description: 'Every firing that holds, within what the caller may see.', type: () => [EnforcementFiringView] })
  firings?: EnforcementFiringView[];
  @ApiPropertyOptional({ description: 'The keys of those this run recorded first.', type: [String] }) newFirings?: string[];
  @ApiPropertyOptional({
    description: 'Every blacklist entry and exit as of the day, within what the caller may see.',
    type: () => [BlacklistChangeView],
  })
  blacklistChanges?: BlacklistChangeView[];
  @ApiPropertyOptional({ description: 'The keys of those this run recorded first.', type: [String] }) newBlacklistChanges?: string[];
  @ApiPropertyOptional({ description: 'Why it did not complete, or that it still runs.' }) message?: string;
}
