import { Module } from '@nestjs/common';
import { PlacesModule } from '../auth/places.module';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { CovertInspectionCommandsService } from './covert-inspection-commands.service';
import { CovertInspectionLedgerReaderModule } from './covert-inspection-ledger-reader.module';
import { CovertInspectionReadsService } from './covert-inspection-reads.service';
import { CovertInspectionsController } from './covert-inspections.controller';

@Module({
  // The registry's reader: a plan's candidates are its enterprises in scope (单位库).
  imports: [WorkflowGatewayModule, PlacesModule, CovertInspectionLedgerReaderModule, RegistryReaderModule],
  controllers: [CovertInspectionsController],
  providers: [CovertInspectionCommandsService, CovertInspectionReadsService],
})
export class CovertInspectionsModule {}
