import { Module } from '@nestjs/common';
import { PlacesModule } from '../auth/places.module';
import { HazardLedgerReaderModule } from '../hazards/hazard-ledger-reader.module';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { AccidentAsOfReadsService } from './accident-as-of-reads.service';
import { AccidentCommandsService } from './accident-commands.service';
import { AccidentInvestigationController } from './accident-investigation.controller';
import { AccidentLedgerExportService } from './accident-ledger-export.service';
import { AccidentLedgerReaderModule } from './accident-ledger-reader.module';
import { AccidentReadsService } from './accident-reads.service';
import { AccidentsController } from './accidents.controller';

@Module({
  imports: [
    WorkflowGatewayModule,
    PlacesModule,
    AccidentLedgerReaderModule,
    // The rectification measures (整改措施) are hazards: linking one reads its status from the hazard ledger.
    HazardLedgerReaderModule,
    // The registry's reader: the accident's region (事故发生地) is its unit's, where the registry knows it.
    RegistryReaderModule,
  ],
  controllers: [AccidentsController, AccidentInvestigationController],
  providers: [AccidentCommandsService, AccidentReadsService, AccidentAsOfReadsService, AccidentLedgerExportService],
})
export class AccidentsModule {}
