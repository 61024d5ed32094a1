import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HazardLedgerReader } from '@duban/persistence';
import { HazardPolicyRegistry } from './hazard-policy-registry';
import { HazardsController } from './hazards.controller';
import { HazardsService } from './hazards.service';

@Module({
  controllers: [HazardsController],
  providers: [
    HazardsService,
    HazardPolicyRegistry,
    { provide: HazardLedgerReader, inject: [DataSource], useFactory: (dataSource: DataSource) => new HazardLedgerReader(dataSource) },
  ],
})
export class HazardsModule {}
