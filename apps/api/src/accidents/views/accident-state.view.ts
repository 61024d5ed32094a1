import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCIDENT_GRADE_LABELS,
  ACCIDENT_GRADES,
  type AccidentGrade,
  type AccidentPolicy,
  type AccidentReport,
  type AccidentState,
  type Actor,
  type Casualties,
  type InvestigationState,
} from '@duban/domain';
import { ActorView } from '../../http/actor.view';
import { describeEnum } from '../../http/describe-enum';
import { CasualtiesView } from './casualties.view';

const OBJECT = { type: 'object', additionalProperties: true } as const;
const LIST = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/**
 * An accident's authoritative record (一事一档): the report, how its grade moved, what each level
 * received, concealment found, and the investigation under 四不放过. Nested records are
 * documented by the domain (libs/domain/src/accident/accident-state.ts).
 */
export class AccidentStateView implements AccidentState {
  @ApiProperty({ description: '事故编号 (accident id).', format: 'uuid' }) accidentId!: string;
  @ApiProperty({ description: '事故快报 (the first report) as recorded.', ...OBJECT }) report!: AccidentReport;
  @ApiProperty({ description: '处理规则 (accident policy) the record started with.', ...OBJECT }) policy!: AccidentPolicy;
  @ApiProperty({ description: 'Who recorded it (登记人).', type: () => ActorView }) recordedBy!: Actor;
  @ApiProperty({ description: '登记时间 (recorded at).', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'How the office learnt of it: unit_report 单位报告 | tip_off 举报核实 (then 瞒报).', enum: ['unit_report', 'tip_off'] })
  openedFrom!: 'unit_report' | 'tip_off';
  @ApiProperty({ description: '伤亡情况 (casualties) as the latest report says.', type: () => CasualtiesView }) casualties!: Casualties;
  @ApiProperty({ description: '危及生命安全的人数 (lives endangered).' }) livesEndangered!: number;
  @ApiProperty({ description: `事故等级 (grade): ${describeEnum(ACCIDENT_GRADE_LABELS)}.`, enum: ACCIDENT_GRADES }) grade!: AccidentGrade;
  @ApiProperty({ description: 'The criteria that reached the grade (deaths, seriousInjuries, directLossYuan).', type: [String] })
  reachedBy!: AccidentState['reachedBy'];
  @ApiProperty({ description: 'The accident as each report described it (快报, 续报).', ...LIST }) history!: AccidentState['history'];
  @ApiProperty({ description: 'The unit’s own reports with their numbers (for 谎报 checks).', ...LIST }) unitReports!: AccidentState['unitReports'];
  @ApiProperty({ description: '续报次数 (follow-ups).' }) followUpCount!: number;
  @ApiProperty({ description: 'Casualty changes, each with who and when (and whether within the 30/7-day window).', ...LIST })
  casualtyChanges!: AccidentState['casualtyChanges'];
  @ApiProperty({ description: '逐级上报 receipts (each level’s).', ...LIST }) chainReceipts!: AccidentState['chainReceipts'];
  @ApiProperty({ description: '举报 (tip-offs) on the record.', ...LIST }) tipOffs!: AccidentState['tipOffs'];
  @ApiProperty({ description: '瞒报/谎报 flags found.', ...LIST }) concealment!: AccidentState['concealment'];
  @ApiPropertyOptional({ description: '事故调查 (the investigation): level, team, deadline, gates of 四不放过, status.', ...OBJECT })
  investigation?: InvestigationState;
  @ApiProperty({ description: 'Sequence number of the last event.' }) lastSeq!: number;
}
