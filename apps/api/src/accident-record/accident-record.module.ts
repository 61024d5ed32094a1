import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccidentRecordReader, AccidentRecordWriter } from '@duban/persistence';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { WorkflowGatewayModule } from '../temporal/workflow-gateway.module';
import { AccidentRecordCommandsService } from './accident-record-commands.service';
import { AccidentRecordReadsService } from './accident-record-reads.service';
import { AccountabilityController } from './accountability.controller';
import { ControlIndicatorsController } from './control-indicators.controller';

@Module({
  // The registry's reader: the record belongs to regions (属地), checked along their paths.
  imports: [WorkflowGatewayModule, RegistryReaderModule],
  controllers: [ControlIndicatorsController, AccountabilityController],
  providers: [
    AccidentRecordCommandsService,
    AccidentRecordReadsService,
    { provide: AccidentRecordReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccidentRecordReader(dataSource) },
    { provide: AccidentRecordWriter, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccidentRecordWriter(dataSource) },
  ],
})
export class AccidentRecordModule {}
