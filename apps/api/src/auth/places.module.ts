import { Module } from '@nestjs/common';
import { RegistryReaderModule } from '../registry/registry-reader.module';
import { Places } from './places';

/** The registry's places (属地, 行业) for every module whose routes check scopes. */
@Module({
  imports: [RegistryReaderModule],
  providers: [Places],
  exports: [Places],
})
export class PlacesModule {}
