import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HazardLedgerReader } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { WorkCalendarSourceModule } from '../calendar/work-calendar-source.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { HazardCommandsService } from './hazard-commands.service';
import { HazardReadsService } from './hazard-reads.service';
import { HazardsController } from './hazards.controller';

@Module({
  imports: [WorkflowGatewayModule, WorkCalendarSourceModule, PlacesModule],
  controllers: [HazardsController],
  providers: [
    HazardCommandsService,
    HazardReadsService,
    { provide: HazardLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new HazardLedgerReader(dataSource) },
  ],
})
export class HazardsModule {}
