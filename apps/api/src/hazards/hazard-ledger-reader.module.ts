import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HazardLedgerReader } from '@duban/persistence';

/** The hazard ledger's reader (隐患台账), one provider for every module that reads it. */
@Module({
  providers: [{ provide: HazardLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new HazardLedgerReader(dataSource) }],
  exports: [HazardLedgerReader],
})
export class HazardLedgerReaderModule {}
