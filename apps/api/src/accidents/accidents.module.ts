import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccidentLedgerReader, HazardLedgerReader, RegistryReader } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { AccidentCommandsService } from './accident-commands.service';
import { AccidentInvestigationController } from './accident-investigation.controller';
import { AccidentReadsService } from './accident-reads.service';
import { AccidentsController } from './accidents.controller';

@Module({
  imports: [WorkflowGatewayModule, PlacesModule],
  controllers: [AccidentsController, AccidentInvestigationController],
  providers: [
    AccidentCommandsService,
    AccidentReadsService,
    { provide: AccidentLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccidentLedgerReader(dataSource) },
    // The rectification measures (整改措施) are hazards: linking one reads its status from the hazard ledger.
    { provide: HazardLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new HazardLedgerReader(dataSource) },
    // The accident's region (事故发生地) is the registry's region of its unit, where the registry knows it.
    {
      provide: RegistryReader,
      inject: [{ token: DataSource, optional: true }],
      useFactory: (dataSource: DataSource) => new RegistryReader(dataSource),
    },
  ],
})
export class AccidentsModule {}
