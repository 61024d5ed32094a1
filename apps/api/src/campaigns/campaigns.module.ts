import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignLedgerReader, CampaignTaskReader, HazardLedgerReader } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { WorkCalendarSourceModule } from '../calendar/work-calendar-source.module';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { CampaignAccess } from './campaign-access';
import { CampaignCommandsService } from './campaign-commands.service';
import { CampaignReadsController } from './campaign-reads.controller';
import { CampaignAsOfReadsService } from './campaign-as-of-reads.service';
import { CampaignReadsService } from './campaign-reads.service';
import { CampaignUnitsExportService } from './campaign-units-export.service';
import { CAMPAIGN_TEMPLATE_STORE, SqlCampaignTemplateStore } from './campaign-template-store';
import { CampaignTemplatesController } from './campaign-templates.controller';
import { CampaignTemplatesService } from './campaign-templates.service';
import { CampaignUnitsController } from './campaign-units.controller';
import { CampaignsController } from './campaigns.controller';
import { CampaignTaskCommandsService } from './campaign-task-commands.service';
import { CampaignTaskReadsService } from './campaign-task-reads.service';
import { CampaignTasksController } from './campaign-tasks.controller';
import { InspectionAssignmentCheck } from './inspection-assignment-check';
import { InspectionAssignmentsController } from './inspection-assignments.controller';

/** Campaigns (专项行动) and their templates (模板). */
@Module({
  // Launch by scope reads the registry (单位库) as of the start.
  imports: [WorkflowGatewayModule, WorkCalendarSourceModule, PlacesModule, RegistryReaderModule],
  controllers: [
    CampaignTemplatesController,
    CampaignsController,
    CampaignUnitsController,
    CampaignReadsController,
    CampaignTasksController,
    InspectionAssignmentsController,
  ],
  providers: [
    CampaignAccess,
    CampaignCommandsService,
    CampaignReadsService,
    CampaignAsOfReadsService,
    CampaignUnitsExportService,
    CampaignTemplatesService,
    CampaignTaskCommandsService,
    CampaignTaskReadsService,
    InspectionAssignmentCheck,
    // Offices' tasks and inspector assignments below a campaign (比照落实, 检查组分工).
    { provide: CampaignTaskReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new CampaignTaskReader(dataSource) },
    { provide: CampaignLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new CampaignLedgerReader(dataSource) },
    { provide: HazardLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new HazardLedgerReader(dataSource) },
    // Office-created templates: table campaign_template (created by a migration), plain SQL.
    { provide: CAMPAIGN_TEMPLATE_STORE, inject: [DataSource], useFactory: (dataSource: DataSource) => new SqlCampaignTemplateStore(dataSource) },
  ],
})
export class CampaignsModule {}
