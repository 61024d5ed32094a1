import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { HAZARD_GRADES, HAZARD_STATUSES, type HazardGrade, type HazardStatus } from '@duban/domain';
import { PageQuery } from '../../http/paging.query';
import { BooleanQuery } from './boolean-query';
import { IsDubanId } from '../../http/is-duban-id.validator';

/** Filters of the hazard ledger (隐患台账). A unit token sees only its own unit. */
export class ListHazardsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '责任单位 (responsible unit) id. Forced to the caller\'s own unit for a unit token.' })
  @IsOptional()
  @IsDubanId()
  unitId?: string;

  @ApiPropertyOptional({ description: '行业 (industry), exact match.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  industry?: string;

  @ApiPropertyOptional({ description: '隐患等级 (grade): general 一般隐患 | major 重大隐患.', enum: HAZARD_GRADES })
  @IsOptional()
  @IsIn(HAZARD_GRADES)
  grade?: HazardGrade;

  @ApiPropertyOptional({
    description: '状态 (status): awaiting_plan 待制定整改方案 | rectifying 整改中 | awaiting_verification 待验收 | signed_off 已销号.',
    enum: HAZARD_STATUSES,
  })
  @IsOptional()
  @IsIn(HAZARD_STATUSES)
  status?: HazardStatus;

  @ApiPropertyOptional({ description: '逾期 (overdue): true | false.', type: Boolean })
  @BooleanQuery()
  overdue?: boolean;

  @ApiPropertyOptional({ description: '挂牌督办 (listed for supervision): true | false.', type: Boolean })
  @BooleanQuery()
  listed?: boolean;

  @ApiPropertyOptional({ description: '专项行动 (campaign) id.' })
  @IsOptional()
  @IsDubanId()
  campaignId?: string;
}
