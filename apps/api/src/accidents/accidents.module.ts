import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccidentLedgerReader, HazardLedgerReader } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { AccidentCommandsService } from './accident-commands.service';
import { AccidentInvestigationController } from './accident-investigation.controller';
import { AccidentReadsService } from './accident-reads.service';
import { AccidentsController } from './accidents.controller';

@Module({
  // The registry's reader: the accident's region (事故发生地) is its unit's, where the registry knows it.
  imports: [WorkflowGatewayModule, PlacesModule, RegistryReaderModule],
  controllers: [AccidentsController, AccidentInvestigationController],
  providers: [
    AccidentCommandsService,
    AccidentReadsService,
    { provide: AccidentLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccidentLedgerReader(dataSource) },
    // The rectification measures (整改措施) are hazards: linking one reads its status from the hazard ledger.
    { provide: HazardLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new HazardLedgerReader(dataSource) },
  ],
})
export class AccidentsModule {}
