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
import { HazardImportService } from './hazard-import.service';
import { HazardLedgerExcelController } from './hazard-ledger-excel.controller';
import { HazardLedgerExportService } from './hazard-ledger-export.service';

@Module({
  imports: [WorkflowGatewayModule, WorkCalendarSourceModule, PlacesModule, HazardLedgerReaderModule, EvidenceFilesModule],
  // The Excel routes first: Express matches in order, and /hazards/:id would take /hazards/ledger.xlsx.
  controllers: [HazardLedgerExcelController, HazardsController],
  providers: [HazardCommandsService, HazardReadsService, HazardAsOfReadsService, HazardLedgerExportService, HazardImportService],
})
export class HazardsModule {}
