import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CovertInspectionLedgerReader } from '@duban/persistence';

/** The covert-inspection ledger's reader (暗访台账), one provider for every module that reads it. */
@Module({
  providers: [
    {
      provide: CovertInspectionLedgerReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new CovertInspectionLedgerReader(dataSource),
    },
  ],
  exports: [CovertInspectionLedgerReader],
})
export class CovertInspectionLedgerReaderModule {}
