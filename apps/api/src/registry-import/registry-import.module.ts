import { Module } from '@nestjs/common';
import { PlacesModule } from '../auth/places.module';
import { RegistryImportController } from './registry-import.controller';
import { RegistryImportService } from './registry-import.service';

/** POST /registry/imports: the bulk import (单位库批量导入), the same service the `duban` CLI runs. */
@Module({
  imports: [PlacesModule],
  controllers: [RegistryImportController],
  providers: [RegistryImportService],
})
export class RegistryImportModule {}
