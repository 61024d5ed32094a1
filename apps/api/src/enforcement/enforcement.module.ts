import { Module } from '@nestjs/common';
import { PlacesModule } from '../auth/places.module';
import { EvidenceFilesModule } from '../evidence/evidence-files.module';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { EnforcementAsOfReadsService } from './enforcement-as-of-reads.service';
import { EnforcementCasesController } from './enforcement-cases.controller';
import { EnforcementCommandsService } from './enforcement-commands.service';
import { EnforcementLedgerExportService } from './enforcement-ledger-export.service';
import { EnforcementLedgerReaderModule } from './enforcement-ledger-reader.module';
import { EnforcementMeasuresController } from './enforcement-measures.controller';
import { EnforcementReadsService } from './enforcement-reads.service';
import { EnforcementResumptionController } from './enforcement-resumption.controller';

@Module({
  imports: [
    WorkflowGatewayModule,
    PlacesModule,
    EnforcementLedgerReaderModule,
    // The registry's reader: a case is opened against a registered unit, in its region and industry.
    RegistryReaderModule,
    // The attachments' digest references are checked against the evidence files.
    EvidenceFilesModule,
  ],
  controllers: [EnforcementCasesController, EnforcementMeasuresController, EnforcementResumptionController],
  providers: [EnforcementCommandsService, EnforcementReadsService, EnforcementAsOfReadsService, EnforcementLedgerExportService],
})
export class EnforcementModule {}
