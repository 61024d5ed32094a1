import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EnforcementLedgerReader } from '@duban/persistence';

/** The enforcement ledger's reader (执法台账), one provider for every module that reads it. */
@Module({
  providers: [
    { provide: EnforcementLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new EnforcementLedgerReader(dataSource) },
  ],
  exports: [EnforcementLedgerReader],
})
export class EnforcementLedgerReaderModule {}
