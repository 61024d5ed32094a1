import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccidentRecordReader, CampaignLedgerReader, TipOffLedgerReader } from '@duban/persistence';
import { AccidentLedgerReaderModule } from '../accidents/accident-ledger-reader.module';
import { PlacesModule } from '../auth/places.module';
import { CampaignAccess } from '../campaigns/campaign-access';
import { CovertInspectionLedgerReaderModule } from '../covert-inspections/covert-inspection-ledger-reader.module';
import { EnforcementLedgerReaderModule } from '../enforcement/enforcement-ledger-reader.module';
import { evidenceStoreProvider } from '../evidence/evidence-store.provider';
import { HazardLedgerReaderModule } from '../hazards/hazard-ledger-reader.module';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { AuditBundleController } from './audit-bundle.controller';
import { AuditBundleExporter } from './audit-bundle-exporter';
import { AuditBundleService } from './audit-bundle.service';
import { AuditReplayController } from './audit-replay.controller';
import { AuditReplayService } from './audit-replay.service';
import { AuditReplayer } from './audit-replayer';
import { BundleSubjectAccess } from './bundle-subject-access';
import { WorkflowAccess } from './workflow-access';

/** 审计 for auditors: replay of workflow histories and the bundle export, checked as the aggregates' own reads are. */
@Module({
  // Each aggregate's ledger: a workflow is replayed only for whom may read what it stands for.
  imports: [
    PlacesModule,
    HazardLedgerReaderModule,
    AccidentLedgerReaderModule,
    EnforcementLedgerReaderModule,
    CovertInspectionLedgerReaderModule,
    RegistryReaderModule,
  ],
  controllers: [AuditReplayController, AuditBundleController],
  providers: [
    AuditReplayService,
    AuditReplayer,
    WorkflowAccess,
    CampaignAccess,
    AuditBundleService,
    AuditBundleExporter,
    BundleSubjectAccess,
    evidenceStoreProvider,
    { provide: CampaignLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new CampaignLedgerReader(dataSource) },
    { provide: TipOffLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new TipOffLedgerReader(dataSource) },
    { provide: AccidentRecordReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccidentRecordReader(dataSource) },
  ],
})
export class AuditModule {}
