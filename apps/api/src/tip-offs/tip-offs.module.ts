import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccidentLedgerReader, TipOffLedgerReader } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { TipOffCommandsService } from './tip-off-commands.service';
import { TipOffReadsService } from './tip-off-reads.service';
import { TipOffsController } from './tip-offs.controller';

@Module({
  imports: [WorkflowGatewayModule, PlacesModule],
  controllers: [TipOffsController],
  providers: [
    TipOffCommandsService,
    TipOffReadsService,
    { provide: TipOffLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new TipOffLedgerReader(dataSource) },
    // Read only: a verification against an accident on record checks it exists and is open.
    { provide: AccidentLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccidentLedgerReader(dataSource) },
  ],
})
export class TipOffsModule {}
