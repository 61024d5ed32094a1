import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EnforcementRecordStore } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { EnforcementRecordCommandsService } from './enforcement-record-commands.service';
import { EnforcementRecordReadsService } from './enforcement-record-reads.service';
import { EnforcementRecordController } from './enforcement-record.controller';

@Module({
  // The registry's places: the lists are bounded to the caller's territory (属地) by each entry's unit.
  imports: [WorkflowGatewayModule, PlacesModule],
  controllers: [EnforcementRecordController],
  providers: [
    EnforcementRecordCommandsService,
    EnforcementRecordReadsService,
    { provide: EnforcementRecordStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new EnforcementRecordStore(dataSource) },
  ],
})
export class EnforcementRecordModule {}
