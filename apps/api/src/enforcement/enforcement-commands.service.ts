import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  admitEnforcementCase,
  conflict,
  enforcementCaseWorkflowId,
  STANDARD_ENFORCEMENT_POLICY,
  type Actor,
  type CommandArgs,
  type CommandInput,
  type EnforcementCaseFiling,
  type EnforcementCaseState,
  type EnforcementCommand,
  type EnforcementCommandType,
} from '@duban/domain';
import { EnforcementLedgerReader, RegistryReader } from '@duban/persistence';
import {
  awaitEnforcementRegisteredUpdate,
  ENFORCEMENT_COMMAND_UPDATES,
  type EnforcementCaseWorkflowInput,
  type EnforcementUpdateResult,
} from '@duban/workflows';
import { Places } from '../auth/places';
import { CLOCK } from '../config/api-config.tokens';
import { commandArgs } from '../http/command-args';
import { problem, ProblemException } from '../http/problem';
import { WorkflowGateway } from '../temporal/workflow-gateway';
import { EvidenceReferences } from '../evidence/evidence-references';
import { authorizeEnforcementOpening, authorizeOnEnforcementCase } from './enforcement-access';
import type { OpenEnforcementCaseDto } from './dto/open-enforcement-case.dto';

/**
 * What `POST /enforcement-cases` answers: 201 once the ledger row exists (`registered: true`, with
 * the state), or 202 when no worker registered it within the registration timeout.
 */
export type OpenEnforcementCaseResult =
  { caseId: string; registered: true; state: EnforcementCaseState } | { caseId: string; registered: false; message: string };

/** The body of a command as the API takes it: what a person fills in (the actor comes from the credentials). */
export type EnforcementCommandBody<T extends EnforcementCommandType> = CommandInput<EnforcementCommand, T>;

/**
 * Enforcement cases (执法案件), the commands: 立案 starts the case's workflow once the registry
 * (单位库) knows the unit and the domain admits the filing; every later step (四个一律, 复工复产,
 * 结案) goes to that workflow as an update, after the object-level check.
 */
@Injectable()
export class EnforcementCommandsService {
  constructor(
    private readonly workflows: WorkflowGateway,
    private readonly ledger: EnforcementLedgerReader,
    private readonly registry: RegistryReader,
    private readonly places: Places,
    private readonly evidence: EvidenceReferences,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  /** 立案: checked in full before the workflow starts (a refusal writes nothing); answers once it is in the ledger. */
  async open(actor: Actor, dto: OpenEnforcementCaseDto): Promise<OpenEnforcementCaseResult> {
    // Whether the actor may open a case against this unit comes first (403 before any other answer).
    await authorizeEnforcementOpening(this.places, actor, dto.unitId);
    const now = this.now();
    const unit = await this.registry.get('unit', dto.unitId, now);
    if (!unit || unit.retired)
      throw new ProblemException(
        problem(404, 'resource.not_found', `unit ${dto.unitId} is not in the registry (单位库): a case is opened against a registered unit`, {
          field: 'unitId',
        }),
      );
    const caseId = this.workflows.newResourceId();
    // The region and industry are the registry's, as of 立案: the case is filed where the unit is supervised.
    const { regionId, industryId } = unit.record;
    const filing: EnforcementCaseFiling = { ...commandArgs(dto), caseId, regionId, ...(industryId === null ? {} : { industryId }) };
    admitEnforcementCase(filing, actor, now);
    const started = await this.workflows.start<EnforcementCaseWorkflowInput, EnforcementUpdateResult>({
      workflowType: 'enforcementCaseWorkflow',
      workflowId: enforcementCaseWorkflowId(caseId),
      input: { filing, opener: actor, policy: STANDARD_ENFORCEMENT_POLICY },
      registered: awaitEnforcementRegisteredUpdate,
      subject: `enforcement case ${caseId}`,
    });
    return started.registered ? { caseId, registered: true, state: started.value.state } : { caseId, registered: false, message: started.message };
  }

  /** Any step of an open case: the object-level check, then the workflow's update (its validator runs the decider). */
  async act<T extends EnforcementCommandType>(
    caseId: string,
    actor: Actor,
    type: T,
    body: EnforcementCommandBody<T>,
  ): Promise<EnforcementUpdateResult> {
    await authorizeOnEnforcementCase(this.ledger, caseId, actor, type, this.places);
    // 整改报告's attachments (and any later command's): every digest reference names an uploaded file (422 otherwise).
    await this.evidence.requireStored((body as { attachments?: readonly string[] }).attachments);
    const update: UpdateDefinition<EnforcementUpdateResult, [CommandArgs<EnforcementCommand, T>]> = ENFORCEMENT_COMMAND_UPDATES[type];
    const input: CommandInput<EnforcementCommand, T> = commandArgs(body);
    const args = { ...input, actor } as CommandArgs<EnforcementCommand, T>;
    // The ledger knows the case, so a workflow Temporal no longer knows has ended: it was closed (结案).
    return this.workflows.update(enforcementCaseWorkflowId(caseId), update, args, () =>
      conflict('enforcement.case.closed', `enforcement case ${caseId} is closed (已结案); it takes no further actions`),
    );
  }
}
