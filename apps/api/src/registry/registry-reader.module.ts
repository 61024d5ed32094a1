import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistryReader } from '@duban/persistence';

/** The registry's reader (单位库, as of now or a past moment), one provider for every module that reads it. */
@Module({
  providers: [
    // Optional: specs that mount a module without PostgreSQL act as unscoped callers, for whom nothing is looked up.
    {
      provide: RegistryReader,
      inject: [{ token: DataSource, optional: true }],
      useFactory: (dataSource: DataSource) => new RegistryReader(dataSource),
    },
  ],
  exports: [RegistryReader],
})
export class RegistryReaderModule {}
