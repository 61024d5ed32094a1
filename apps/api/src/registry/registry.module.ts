import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistryWriter } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { RegistryReaderModule } from './registry-reader.module';
import { RegistryCommandsService } from './registry-commands.service';
import { RegistryReadsService } from './registry-reads.service';
import { RegistryIndustriesController } from './registry-industries.controller';
import { RegistryPeopleController } from './registry-people.controller';
import { RegistryRegionsController } from './registry-regions.controller';
import { RegistryResponsibilitiesController } from './registry-responsibilities.controller';
import { RegistryUnitsController } from './registry-units.controller';

/** The registry (单位库): reference data in PostgreSQL, versioned; no workflow involved. */
@Module({
  imports: [PlacesModule, RegistryReaderModule],
  controllers: [
    RegistryRegionsController,
    RegistryIndustriesController,
    RegistryUnitsController,
    RegistryPeopleController,
    RegistryResponsibilitiesController,
  ],
  providers: [
    RegistryCommandsService,
    RegistryReadsService,
    { provide: RegistryWriter, inject: [DataSource], useFactory: (dataSource: DataSource) => new RegistryWriter(dataSource) },
  ],
})
export class RegistryModule {}
