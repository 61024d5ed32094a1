import { Injectable, NotFoundException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  admitAccidentReport,
  conflict,
  invalid,
  STANDARD_ACCIDENT_POLICY,
  type AccidentCommand,
  type AccidentCommandType,
  type AccidentReport,
  type AccidentState,
  type Actor,
  type CommandArgs,
  type CommandInput,
  type FourGate,
} from '@duban/domain';
import { AccidentLedgerReader, HazardLedgerReader, RegistryReader } from '@duban/persistence';
import {
  ACCIDENT_COMMAND_UPDATES,
  accidentWorkflowId,
  awaitAccidentRegisteredUpdate,
  type AccidentUpdateResult,
  type AccidentWorkflowInput,
} from '@duban/workflows';
import { Inject } from '@nestjs/common';
import { CLOCK } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import { Places } from '../auth/places';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { authorizeAccidentReport, authorizeOnAccident } from './accident-access';
import type { CloseGateDto, CloseInvestigationDto, ReopenGateDto } from './dto/gates.dto';
import type { InvestigationReportDto, LinkRectificationHazardDto, RecordEducationDto, RecordResponsibilityDto } from './dto/findings.dto';
import type { ExtendReportDeadlineDto, ListAccidentDto, OpenInvestigationDto, TakeOverDto } from './dto/investigation.dto';
import type { RecordTipOffDto } from './dto/record-tip-off.dto';
import type { ReportAccidentDto } from './dto/report-accident.dto';
import type { RecordChainReportDto, ReportFollowUpDto } from './dto/report-follow-up.dto';

/**
 * What `POST /accidents` answers: 201 once the ledger row exists (`registered: true`, with the
 * state), or 202 when no worker registered it within the registration timeout.
 */
export type ReportAccidentResult =
  { accidentId: string; registered: true; state: AccidentState } | { accidentId: string; registered: false; message: string };

/**
 * Accidents (事故报告和调查处理), the commands: admits a 事故快报 and starts its workflow, and
 * routes each step of the investigation (四不放过) to that workflow as an update, after the
 * object-level check.
 */
@Injectable()
export class AccidentCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: AccidentLedgerReader,
    private readonly hazards: HazardLedgerReader,
    private readonly registry: RegistryReader,
    private readonly places: Places,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /** 事故快报: checked in full before the workflow starts (a refusal writes nothing); answers once it is in the ledger. */
  async report(actor: Actor, dto: ReportAccidentDto): Promise<ReportAccidentResult> {
    // Whether the actor may report for this unit comes first (403 before any other answer), then the region, then the fields.
    await authorizeAccidentReport(this.places, actor, dto.unitId);
    const { regionId, livesEndangered, ...fields } = commandArgs(dto);
    const report: AccidentReport = { ...fields, regionId: await this.regionOf(dto.unitId, regionId), livesEndangered: livesEndangered ?? 0 };
    admitAccidentReport(report, actor, this.now());
    const accidentId = this.workflows.newResourceId();
    const started = await this.workflows.start<AccidentWorkflowInput, AccidentUpdateResult>({
      workflowType: 'accidentWorkflow',
      workflowId: accidentWorkflowId(accidentId),
      input: { accidentId, report, recorder: actor, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } },
      registered: awaitAccidentRegisteredUpdate,
      subject: `accident ${accidentId}`,
    });
    return started.registered
      ? { accidentId, registered: true, state: started.value.state }
      : { accidentId, registered: false, message: started.message };
  }

  reportFollowUp(id: string, actor: Actor, dto: ReportFollowUpDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'report_follow_up', commandArgs(dto));
  }

  recordChainReport(id: string, actor: Actor, dto: RecordChainReportDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'record_chain_report', commandArgs(dto));
  }

  recordTipOff(id: string, actor: Actor, dto: RecordTipOffDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'record_tip_off', commandArgs(dto));
  }

  openInvestigation(id: string, actor: Actor, dto: OpenInvestigationDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'open_investigation', commandArgs(dto));
  }

  takeOver(id: string, actor: Actor, dto: TakeOverDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'take_over', commandArgs(dto));
  }

  listForSupervision(id: string, actor: Actor, dto: ListAccidentDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'list_for_supervision', commandArgs(dto));
  }

  extendReportDeadline(id: string, actor: Actor, dto: ExtendReportDeadlineDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'extend_report_deadline', commandArgs(dto));
  }

  submitInvestigationReport(id: string, actor: Actor, dto: InvestigationReportDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'submit_investigation_report', commandArgs(dto));
  }

  recordResponsibility(id: string, actor: Actor, dto: RecordResponsibilityDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'record_responsibility', commandArgs(dto));
  }

  /** 整改措施: the hazard must be in the hazard ledger (404 otherwise); its current status goes with the link. */
  async linkRectificationHazard(id: string, actor: Actor, dto: LinkRectificationHazardDto): Promise<AccidentUpdateResult> {
    await authorizeOnAccident(this.ledger, id, actor, 'link_rectification_hazard', this.places);
    const hazard = await this.hazards.get(dto.hazardId);
    if (!hazard) throw new NotFoundException(`hazard ${dto.hazardId} not found`);
    return this.send(id, 'link_rectification_hazard', { actor, hazardId: hazard.hazardId, status: hazard.status });
  }

  recordEducation(id: string, actor: Actor, dto: RecordEducationDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'record_education', commandArgs(dto));
  }

  closeGate(id: string, gate: FourGate, actor: Actor, dto: CloseGateDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'close_gate', { ...commandArgs(dto), gate });
  }

  reopenGate(id: string, gate: FourGate, actor: Actor, dto: ReopenGateDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'reopen_gate', { ...commandArgs(dto), gate });
  }

  /** 结案: the workflow's validator refuses while any gate is open, naming each (409 `accident.gate.open`, `openGates`). */
  closeInvestigation(id: string, actor: Actor, dto: CloseInvestigationDto): Promise<AccidentUpdateResult> {
    return this.act(id, actor, 'close_investigation', commandArgs(dto));
  }

  /**
   * 事故发生地: where it happened, as given (a unit may work away from where it is registered, a
   * road accident happens on the road); absent, the registry's region of the unit; refused
   * (naming regionId) when neither says.
   */
  private async regionOf(unitId: string, given: string | undefined): Promise<string> {
    if (given !== undefined) return given;
    const registered = (await this.registry.placesOf([unitId])).get(unitId)?.regionPath?.at(-1);
    if (registered === undefined)
      throw invalid(
        'registry.reference.unknown',
        'regionId',
        `regionId is required: unit ${unitId} is not in the registry (单位库), which would give its region`,
      );
    return registered;
  }

  private async act<T extends AccidentCommandType>(
    id: string,
    actor: Actor,
    type: T,
    args: CommandInput<AccidentCommand, T>,
  ): Promise<AccidentUpdateResult> {
    await authorizeOnAccident(this.ledger, id, actor, type, this.places);
    return this.send(id, type, { ...args, actor } as CommandArgs<AccidentCommand, T>);
  }

  private send<T extends AccidentCommandType>(id: string, type: T, args: CommandArgs<AccidentCommand, T>): Promise<AccidentUpdateResult> {
    const update: UpdateDefinition<AccidentUpdateResult, [CommandArgs<AccidentCommand, T>]> = ACCIDENT_COMMAND_UPDATES[type];
    // The ledger knows the accident, so a workflow Temporal no longer knows has ended: it was closed (结案).
    return this.workflows.update(accidentWorkflowId(id), update, args, () =>
      conflict('accident.investigation.closed', `accident ${id} is closed (已结案); it takes no further actions`),
    );
  }
}
