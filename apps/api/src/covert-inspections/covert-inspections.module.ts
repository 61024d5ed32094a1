import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CovertExposurePublications } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { HazardLedgerReaderModule } from '../hazards/hazard-ledger-reader.module';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { CovertExposureController } from './covert-exposure.controller';
import { CovertExposureService } from './covert-exposure.service';
import { CovertInspectionAsOfReadsService } from './covert-inspection-as-of-reads.service';
import { CovertInspectionCommandsService } from './covert-inspection-commands.service';
import { CovertInspectionLedgerReaderModule } from './covert-inspection-ledger-reader.module';
import { CovertInspectionReadsService } from './covert-inspection-reads.service';
import { CovertInspectionsController } from './covert-inspections.controller';

@Module({
  // The registry's reader: a plan's candidates are its enterprises in scope (单位库); the hazard ledger's: the exposure list's rectification status.
  imports: [WorkflowGatewayModule, PlacesModule, CovertInspectionLedgerReaderModule, RegistryReaderModule, HazardLedgerReaderModule],
  // The exposure list first: its GET /covert-inspections/exposure must be matched before GET /covert-inspections/:id.
  controllers: [CovertExposureController, CovertInspectionsController],
  providers: [
    CovertInspectionCommandsService,
    CovertInspectionReadsService,
    CovertInspectionAsOfReadsService,
    CovertExposureService,
    { provide: CovertExposurePublications, inject: [DataSource], useFactory: (dataSource: DataSource) => new CovertExposurePublications(dataSource) },
  ],
})
export class CovertInspectionsModule {}
