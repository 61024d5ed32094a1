import { type AddCampaignUnitArgs, type CampaignDecisionArgs, type ExtendCampaignPhaseArgs, TEXT_LIMITS } from '@duban/domain';
import { IdField, NestedField, TextField } from '../../http/field-decorators';
import { ScopeUnitDto } from './launch-campaign.dto';
import { TimeSpanDto } from './time-span.dto';

const REASON = '事由 (reason): every decision on a campaign says why (谁决定、为什么).';
const Reason = () => TextField({ description: REASON, max: TEXT_LIMITS.longText, example: '春节假期, 暂停一日一报' });

/** 暂停 / 恢复 / 结束 (pause, resume, close): the office's reason. */
export class CampaignDecisionDto implements CampaignDecisionArgs {
  @Reason()
  reason!: string;
}

/** 延长阶段 (extend a phase): every later phase and obligation moves with it. */
export class ExtendPhaseDto implements ExtendCampaignPhaseArgs {
  @IdField({
    description: '阶段编号 (phase id) of a phase that has not ended (else `campaign.phase.unknown`, `campaign.phase.ended`).',
    example: 'focused-rectification',
  })
  phaseId!: string;

  @NestedField(() => TimeSpanDto, { description: '延长多久 (by how much).' })
  by!: TimeSpanDto;

  @Reason()
  reason!: string;
}

/** 增加单位 (add a unit mid-campaign): its obligations start from now. */
export class AddCampaignUnitDto implements AddCampaignUnitArgs {
  @NestedField(() => ScopeUnitDto, { description: "责任单位 (the unit), in one of the campaign's regions (and industries)." })
  unit!: ScopeUnitDto;

  @Reason()
  reason!: string;
}

/** 移出单位 (remove a unit): the reason in the body or as `?reason=` (neither: `campaign.decision.reason_required`). */
export class RemoveCampaignUnitDto {
  @TextField({ description: '事由 (reason), here or as the `reason` query parameter.', max: TEXT_LIMITS.longText, optional: true })
  reason?: string;
}

export class RemoveCampaignUnitQuery extends RemoveCampaignUnitDto {}
