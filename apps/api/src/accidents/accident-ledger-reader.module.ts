import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccidentLedgerReader } from '@duban/persistence';

/** The accident ledger's reader (事故台账), one provider for every module that reads it. */
@Module({
  providers: [{ provide: AccidentLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new AccidentLedgerReader(dataSource) }],
  exports: [AccidentLedgerReader],
})
export class AccidentLedgerReaderModule {}
