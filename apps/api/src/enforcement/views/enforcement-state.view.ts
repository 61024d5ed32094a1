import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_ORIGIN_LABELS,
  CASE_ORIGINS,
  type CaseOrigin,
  type CaseViolation,
  type EnforcementCaseState,
  type EnforcementPolicy,
  type EnforcementStamp,
  type FineState,
  type ReferralState,
  type Respondent,
  type SuspensionState,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';

const OBJECT = { type: 'object', additionalProperties: true } as const;
const LIST = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/**
 * An enforcement case's authoritative record (执法案件): the filing, its respondents (一并处罚),
 * violations and the measures of 四个一律, the suspension on its way to resumption or closure.
 * Nested records are documented by the domain (libs/domain/src/enforcement/enforcement-state.ts).
 */
export class EnforcementStateView implements EnforcementCaseState {
  @ApiProperty({ description: '案件编号 (case id).' }) caseId!: string;
  @ApiProperty({ description: '被执法单位 (unit) id.' }) unitId!: string;
  @ApiProperty({ description: '地区 (region) id, the registry’s of the unit at 立案.' }) regionId!: string;
  @ApiPropertyOptional({ description: '行业 (industry) id, the registry’s of the unit at 立案.' }) industryId?: string;
  @ApiProperty({ description: `案件来源 (origin): ${describeEnum(CASE_ORIGIN_LABELS)}.`, enum: CASE_ORIGINS }) origin!: CaseOrigin;
  @ApiPropertyOptional({ description: '来源记录 (the hazard, covert inspection or accident id).' }) sourceRef?: string;
  @ApiProperty({ description: '执法规则 (policy) the case opened with: the signature chain, checks, closure limit.', ...OBJECT })
  policy!: EnforcementPolicy;
  @ApiProperty({ description: '立案 (who, when, why, 立案依据).', ...OBJECT }) opened!: EnforcementStamp;
  @ApiProperty({ description: '当事人 (respondents, 一并处罚).', ...LIST }) respondents!: Respondent[];
  @ApiProperty({ description: '违法行为 (violations), each with its China day and how it came to the case.', ...LIST })
  violations!: CaseViolation[];
  @ApiPropertyOptional({ description: '涉嫌犯罪 (flagged criminal): who, when, why.', ...OBJECT }) criminal?: EnforcementStamp;
  @ApiProperty({ description: '上限处罚 (fines), one per respondent.', ...LIST }) fines!: FineState[];
  @ApiPropertyOptional({ description: '移送司法 (referral) and the judiciary’s answer.', ...OBJECT }) referral?: ReferralState;
  @ApiPropertyOptional({
    description: '停产整顿 (suspension): status, rectifications, 复产验收, signatures (层层签字), supervision checks.',
    ...OBJECT,
  })
  suspension?: SuspensionState;
  @ApiPropertyOptional({ description: '关闭取缔 (closure, final).', ...OBJECT }) closure?: EnforcementCaseState['closure'];
  @ApiProperty({ description: '案件状态 (status): open 办理中 | closed 已结案.', enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiPropertyOptional({ description: '结案 (who, when, conclusion, legal basis).', ...OBJECT }) closed?: EnforcementCaseState['closed'];
  @ApiProperty({ description: 'Sequence number of the last event.' }) lastSeq!: number;
}
