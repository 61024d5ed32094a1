import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TipOffLedgerReader } from '@duban/persistence';
import { AccidentLedgerReaderModule } from '../accidents/accident-ledger-reader.module';
import { PlacesModule } from '../auth/places.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { TipOffAsOfReadsService } from './tip-off-as-of-reads.service';
import { TipOffCommandsService } from './tip-off-commands.service';
import { TipOffReadsService } from './tip-off-reads.service';
import { TipOffsController } from './tip-offs.controller';

@Module({
  // The accident ledger, read only: a verification against an accident on record checks it exists and is open.
  imports: [WorkflowGatewayModule, PlacesModule, AccidentLedgerReaderModule],
  controllers: [TipOffsController],
  providers: [
    TipOffCommandsService,
    TipOffReadsService,
    TipOffAsOfReadsService,
    { provide: TipOffLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new TipOffLedgerReader(dataSource) },
  ],
})
export class TipOffsModule {}
