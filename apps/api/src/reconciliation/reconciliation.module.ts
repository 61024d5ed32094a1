import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReconciliationStore } from '@duban/persistence';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { ReconciliationCommandsService } from './reconciliation-commands.service';
import { ReconciliationReadsService } from './reconciliation-reads.service';
import { ReconciliationController } from './reconciliation.controller';

@Module({
  imports: [WorkflowGatewayModule],
  controllers: [ReconciliationController],
  providers: [
    ReconciliationCommandsService,
    ReconciliationReadsService,
    { provide: ReconciliationStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new ReconciliationStore(dataSource) },
  ],
})
export class ReconciliationModule {}
