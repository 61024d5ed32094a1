import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignedInspectionReader } from '@duban/persistence';
import { PlacesModule } from '../auth/places.module';
import { OversightsController } from './oversights.controller';
import { OversightsService } from './oversights.service';

@Module({
  // The registry's places: the trigger's unit must be within the caller's territory (属地).
  imports: [PlacesModule],
  controllers: [OversightsController],
  providers: [
    OversightsService,
    { provide: SignedInspectionReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new SignedInspectionReader(dataSource) },
  ],
})
export class OversightsModule {}
