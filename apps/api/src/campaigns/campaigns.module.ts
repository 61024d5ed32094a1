import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignLedgerReader, HazardLedgerReader } from '@duban/persistence';
import { HazardPolicyRegistry } from '../hazards/hazard-policy-registry';
import { CampaignActionGuard } from './campaign-action.guard';
import { CAMPAIGN_TEMPLATE_STORE, SqlCampaignTemplateStore } from './campaign-template-store';
import { CampaignTemplatesController } from './campaign-templates.controller';
import { CampaignTemplatesService } from './campaign-templates.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

/** Campaigns (专项行动) and their templates (模板). */
@Module({
  controllers: [CampaignTemplatesController, CampaignsController],
  providers: [
    CampaignsService,
    CampaignTemplatesService,
    CampaignActionGuard,
    HazardPolicyRegistry,
    { provide: CampaignLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new CampaignLedgerReader(dataSource) },
    { provide: HazardLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new HazardLedgerReader(dataSource) },
    // Office-created templates: table campaign_template (created by a migration), plain SQL.
    { provide: CAMPAIGN_TEMPLATE_STORE, inject: [DataSource], useFactory: (dataSource: DataSource) => new SqlCampaignTemplateStore(dataSource) },
  ],
})
export class CampaignsModule {}
