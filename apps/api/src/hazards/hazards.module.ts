import { Module } from '@nestjs/common';
import { PlacesModule } from '../auth/places.module';
import { EvidenceFilesModule } from '../evidence/evidence-files.module';
import { WorkCalendarSourceModule } from '../calendar/work-calendar-source.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { HazardCommandsService } from './hazard-commands.service';
import { HazardLedgerReaderModule } from './hazard-ledger-reader.module';
import { HazardAsOfReadsService } from './hazard-as-of-reads.service';
import { HazardReadsService } from './hazard-reads.service';
import { HazardsController } from './hazards.controller';

@Module({
  imports: [WorkflowGatewayModule, WorkCalendarSourceModule, PlacesModule, HazardLedgerReaderModule, EvidenceFilesModule],
  controllers: [HazardsController],
  providers: [HazardCommandsService, HazardReadsService, HazardAsOfReadsService],
})
export class HazardsModule {}
