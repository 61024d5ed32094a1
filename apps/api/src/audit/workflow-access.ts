import { Injectable, NotFoundException } from '@nestjs/common';
import { parseWorkflowId, type Actor } from '@duban/domain';
import {
  AccidentLedgerReader,
  AccidentRecordReader,
  CovertInspectionLedgerReader,
  EnforcementLedgerReader,
  HazardLedgerReader,
  RegistryReader,
  TipOffLedgerReader,
} from '@duban/persistence';
import { authorizeOnFiring } from '../accident-record/accident-record-access';
import { authorizeOnAccident } from '../accidents/accident-access';
import { Places } from '../auth/places';
import { CampaignAccess } from '../campaigns/campaign-access';
import { visibleCovertInspection } from '../covert-inspections/covert-inspection-access';
import { authorizeOnEnforcementCase } from '../enforcement/enforcement-access';
import { authorizeOnHazard } from '../hazards/hazard-access';
import { authorizeOnTipOff } from '../tip-offs/tip-off-access';

/**
 * Whether the caller may read what a workflow id stands for: the aggregate's own object check
 * for a read (its ledger must know it: 404; then its unit, territory and industry: 403), so a
 * replay shows no more than the aggregate's own reads would. An id Duban does not mint is a 404.
 */
@Injectable()
export class WorkflowAccess {
  constructor(
    private readonly places: Places,
    private readonly campaigns: CampaignAccess,
    private readonly hazards: HazardLedgerReader,
    private readonly accidents: AccidentLedgerReader,
    private readonly tipOffs: TipOffLedgerReader,
    private readonly enforcement: EnforcementLedgerReader,
    private readonly covert: CovertInspectionLedgerReader,
    private readonly accidentRecord: AccidentRecordReader,
    private readonly registry: RegistryReader,
  ) {}

  async readable(workflowId: string, actor: Actor): Promise<void> {
    const subject = parseWorkflowId(workflowId);
    switch (subject?.kind) {
      case 'hazard':
        return void (await authorizeOnHazard(this.hazards, subject.hazardId, actor, 'read', this.places));
      case 'accident':
        return void (await authorizeOnAccident(this.accidents, subject.accidentId, actor, 'read', this.places));
      case 'tip_off':
        return void (await authorizeOnTipOff(this.tipOffs, subject.tipOffId, actor, 'read', this.places));
      case 'enforcement_case':
        return void (await authorizeOnEnforcementCase(this.enforcement, subject.caseId, actor, 'read', this.places));
      case 'covert_inspection':
        return void (await visibleCovertInspection(this.covert, subject.inspectionId, actor));
      case 'accountability_action':
        return void (await authorizeOnFiring(this.accidentRecord, this.registry, actor, 'read', subject.firingKey));
      case 'campaign':
        return void (await this.campaigns.readable(subject.campaignId, actor));
      case 'unit':
        return void (await this.campaigns.onUnit(subject.campaignId, subject.unitId, actor, 'read'));
      default:
        throw new NotFoundException(`workflow ${workflowId} not found: not a Duban workflow id`);
    }
  }
}
