import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCIDENT_PERMISSIONS, type Actor, type FourGate } from '@duban/domain';
import type { AccidentUpdateResult } from '@duban/workflows';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiAccidentAction, ApiGate } from './accident-api-responses.decorator';
import { AccidentCommandsService } from './accident-commands.service';
import { ParseAccidentIdPipe, ParseGatePipe } from './accident-params.pipe';
import { InvestigationReportDto, LinkRectificationHazardDto, RecordEducationDto, RecordResponsibilityDto } from './dto/findings.dto';
import { CloseGateDto, CloseInvestigationDto, ReopenGateDto } from './dto/gates.dto';
import { ExtendReportDeadlineDto, ListAccidentDto, OpenInvestigationDto, TakeOverDto } from './dto/investigation.dto';

const Id = () => Param('id', ParseAccidentIdPipe);

/** The investigation of an accident (事故调查处理) under 四不放过: team, deadline, the four gates, 结案. */
@ApiTags('accidents 事故报告和调查处理')
@ApiBearerAuth()
@Controller('accidents')
export class AccidentInvestigationController {
  constructor(private readonly commands: AccidentCommandsService) {}

  @Post(':id/investigation')
  @Permit(ACCIDENT_PERMISSIONS, 'open_investigation')
  @ApiOperation({
    summary: 'Open the investigation 成立事故调查组',
    description:
      'By the office, at the level the grade names (一般 county, 较大 city, 重大 province, 特别重大 State Council) or higher. The report is due 60 days after the accident.',
  })
  @ApiAccidentAction()
  open(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: OpenInvestigationDto): Promise<AccidentUpdateResult> {
    return this.commands.openInvestigation(id, actor, dto);
  }

  @Post(':id/takeover')
  @Permit(ACCIDENT_PERMISSIONS, 'take_over')
  @ApiOperation({ summary: 'A higher level takes the investigation over 提级调查', description: 'By the office of a level above the current one.' })
  @ApiAccidentAction()
  takeOver(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: TakeOverDto): Promise<AccidentUpdateResult> {
    return this.commands.takeOver(id, actor, dto);
  }

  @Post(':id/listing')
  @Permit(ACCIDENT_PERMISSIONS, 'list_for_supervision')
  @ApiOperation({ summary: 'List for supervision 挂牌督办令', description: 'By a higher committee’s office, which then tracks the investigation.' })
  @ApiAccidentAction()
  list(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: ListAccidentDto): Promise<AccidentUpdateResult> {
    return this.commands.listForSupervision(id, actor, dto);
  }

  @Post(':id/report-deadline-extensions')
  @Permit(ACCIDENT_PERMISSIONS, 'extend_report_deadline')
  @ApiOperation({ summary: 'Extend the report deadline 延长调查期限', description: 'Once, with approval, by at most 60 days (条例 第二十九条).' })
  @ApiAccidentAction()
  extend(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: ExtendReportDeadlineDto): Promise<AccidentUpdateResult> {
    return this.commands.extendReportDeadline(id, actor, dto);
  }

  @Post(':id/investigation-report')
  @Permit(ACCIDENT_PERMISSIONS, 'submit_investigation_report')
  @ApiOperation({ summary: 'Submit the investigation report 事故调查报告', description: 'By the investigation team (调查组, inspector role).' })
  @ApiAccidentAction()
  submitReport(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: InvestigationReportDto): Promise<AccidentUpdateResult> {
    return this.commands.submitInvestigationReport(id, actor, dto);
  }

  @Post(':id/responsibilities')
  @Permit(ACCIDENT_PERMISSIONS, 'record_responsibility')
  @ApiOperation({
    summary: 'Record a responsible person dealt with 责任追究',
    description: 'By the office or the team: the person, the measure and who decided it.',
  })
  @ApiAccidentAction()
  recordResponsibility(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: RecordResponsibilityDto): Promise<AccidentUpdateResult> {
    return this.commands.recordResponsibility(id, actor, dto);
  }

  @Post(':id/rectification-hazards')
  @Permit(ACCIDENT_PERMISSIONS, 'link_rectification_hazard')
  @ApiOperation({
    summary: 'Link a hazard as a rectification measure 整改措施',
    description:
      'By the office or the team. The hazard is read from the hazard ledger (隐患台账; 404 when unknown) and linked with its current status; gate 3 holds only when every linked hazard is signed off (销号).',
  })
  @ApiAccidentAction()
  linkHazard(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: LinkRectificationHazardDto): Promise<AccidentUpdateResult> {
    return this.commands.linkRectificationHazard(id, actor, dto);
  }

  @Post(':id/education-sessions')
  @Permit(ACCIDENT_PERMISSIONS, 'record_education')
  @ApiOperation({
    summary: 'Record an education or warning session 警示教育',
    description: 'By whoever held it (a unit for its own people): when, the topic, who attended.',
  })
  @ApiAccidentAction()
  recordEducation(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: RecordEducationDto): Promise<AccidentUpdateResult> {
    return this.commands.recordEducation(id, actor, dto);
  }

  @Post(':id/gates/:gate/closing')
  @Permit(ACCIDENT_PERMISSIONS, 'close_gate')
  @ApiOperation({
    summary: 'Close one gate of 四不放过 落实认定',
    description:
      'By the office, with evidence and a named person; refused (409 `accident.gate.not_satisfied`) while the gate’s condition does not hold.',
  })
  @ApiGate()
  @ApiAccidentAction()
  closeGate(
    @Id() id: string,
    @Param('gate', ParseGatePipe) gate: FourGate,
    @CurrentActor() actor: Actor,
    @Body() dto: CloseGateDto,
  ): Promise<AccidentUpdateResult> {
    return this.commands.closeGate(id, gate, actor, dto);
  }

  @Post(':id/gates/:gate/reopening')
  @Permit(ACCIDENT_PERMISSIONS, 'reopen_gate')
  @ApiOperation({ summary: 'Reopen a closed gate 重新认定', description: 'By the office, with the reason.' })
  @ApiGate()
  @ApiAccidentAction()
  reopenGate(
    @Id() id: string,
    @Param('gate', ParseGatePipe) gate: FourGate,
    @CurrentActor() actor: Actor,
    @Body() dto: ReopenGateDto,
  ): Promise<AccidentUpdateResult> {
    return this.commands.reopenGate(id, gate, actor, dto);
  }

  @Post(':id/closing')
  @Permit(ACCIDENT_PERMISSIONS, 'close_investigation')
  @ApiOperation({
    summary: 'Close the investigation 结案',
    description:
      'By the office, on an authority (e.g. 市人民政府批复). Refused (409 `accident.gate.open`) while any gate is open: the refusal names each in Chinese and English (`openGates`).',
  })
  @ApiAccidentAction()
  close(@Id() id: string, @CurrentActor() actor: Actor, @Body() dto: CloseInvestigationDto): Promise<AccidentUpdateResult> {
    return this.commands.closeInvestigation(id, actor, dto);
  }
}
