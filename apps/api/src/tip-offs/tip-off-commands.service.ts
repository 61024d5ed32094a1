import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  admitTipOff,
  conflict,
  invalid,
  STANDARD_ACCIDENT_POLICY,
  STANDARD_TIP_OFF_POLICY,
  type Actor,
  type TipOff,
  type TipOffAccidentTarget,
  type TipOffState,
  type TipOffVerification,
} from '@duban/domain';
import { AccidentLedgerReader, TipOffLedgerReader } from '@duban/persistence';
import {
  awaitTipOffRegisteredUpdate,
  tipOffWorkflowId,
  verifyTipOffUpdate,
  type TipOffUpdateResult,
  type TipOffWorkflowInput,
} from '@duban/workflows';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import type { IntakeTipOffDto } from './dto/intake-tip-off.dto';
import type { VerifyTipOffDto } from './dto/verify-tip-off.dto';
import { authorizeOnTipOff, authorizeOnTipOffRegion } from './tip-off-access';

/** What `POST /tip-offs` answers: 201 once the ledger row exists, or 202 when no worker registered it in time. */
export type IntakeTipOffResult =
  { tipOffId: string; registered: true; state: TipOffState } | { tipOffId: string; registered: false; message: string };

/** What `POST /tip-offs/:id/verification` answers: the update's events and state, and the accident opened or updated (none when not verified). */
export type VerifyTipOffResult = TipOffUpdateResult & { accident: { accidentId: string; link: 'opened' | 'updated' } | null };

/**
 * Tip-offs (举报), the commands: takes a tip in and starts its workflow; routes the verification
 * (核查) to it after the territory check, naming the accident it opens or updates.
 */
@Injectable()
export class TipOffCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: TipOffLedgerReader,
    private readonly accidents: AccidentLedgerReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /** 举报受理: checked in full before the workflow starts (a refusal writes nothing). */
  async intake(actor: Actor, dto: IntakeTipOffDto): Promise<IntakeTipOffResult> {
    const tipOffId = this.workflows.newResourceId();
    const tip: TipOff = { ...commandArgs(dto), tipOffId, receivedAt: new Date(dto.receivedAt).toISOString() };
    admitTipOff(tip, actor, this.now());
    await authorizeOnTipOffRegion(this.places, actor, 'intake', tip.regionId, 'the tip-off');
    const started = await this.workflows.start<TipOffWorkflowInput, TipOffUpdateResult>({
      workflowType: 'tipOffWorkflow',
      workflowId: tipOffWorkflowId(tipOffId),
      input: { tip, receiver: actor, policy: STANDARD_TIP_OFF_POLICY, accidentPolicy: STANDARD_ACCIDENT_POLICY },
      registered: awaitTipOffRegisteredUpdate,
      subject: `tip-off ${tipOffId}`,
    });
    return started.registered
      ? { tipOffId, registered: true, state: started.value.state }
      : { tipOffId, registered: false, message: started.message };
  }

  /** 核查: verified against an accident on record (it must exist and be open) or a new one (its id is minted here), or not verified. */
  async verify(tipOffId: string, actor: Actor, dto: VerifyTipOffDto): Promise<VerifyTipOffResult> {
    await authorizeOnTipOff(this.ledger, tipOffId, actor, 'verify', this.places);
    const { accidentId, newAccident, ...fields } = commandArgs(dto);
    const verification = fields as TipOffVerification;
    if (accidentId !== undefined && newAccident !== undefined)
      throw invalid('tip_off.accident_required', 'accident', 'name the accident on record (accidentId) or a new one (newAccident), not both');
    const accident = await this.target(accidentId, newAccident);
    const result = await this.workflows.update(
      tipOffWorkflowId(tipOffId),
      verifyTipOffUpdate,
      { actor, verification, ...(accident ? { accident } : {}) },
      () => conflict('tip_off.already_verified', `tip-off ${tipOffId} is closed (已核查); it takes no further verification`),
    );
    const link = result.state.accident;
    return { ...result, accident: link ? { accidentId: link.accidentId, link: link.kind } : null };
  }

  private async target(accidentId: string | undefined, facts: VerifyTipOffDto['newAccident']): Promise<TipOffAccidentTarget | undefined> {
    if (facts)
      return { kind: 'new', accidentId: this.workflows.newResourceId(), facts: facts as Extract<TipOffAccidentTarget, { kind: 'new' }>['facts'] };
    if (accidentId === undefined) return undefined;
    const known = await this.accidents.get(accidentId);
    if (!known) throw new NotFoundException(`accident ${accidentId} not found`);
    if (known.investigationStatus === 'closed')
      throw conflict('accident.investigation.closed', `accident ${accidentId} is closed (已结案); a tip about it is recorded on a new accident`);
    return { kind: 'existing', accidentId };
  }
}
