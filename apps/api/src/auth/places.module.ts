import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistryReader } from '@duban/persistence';
import { Places } from './places';

/** The registry's places (属地, 行业) for every module whose routes check scopes. */
@Module({
  providers: [
    Places,
    // Optional: specs that mount a module without PostgreSQL act as unscoped callers, for whom nothing is looked up.
    {
      provide: RegistryReader,
      inject: [{ token: DataSource, optional: true }],
      useFactory: (dataSource: DataSource) => new RegistryReader(dataSource),
    },
  ],
  exports: [Places],
})
export class PlacesModule {}
