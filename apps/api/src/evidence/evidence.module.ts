import { Module } from '@nestjs/common';
import { EvidenceCommandsService } from './evidence-commands.service';
import { EvidenceFilesModule } from './evidence-files.module';
import { EvidenceReadsService } from './evidence-reads.service';
import { evidenceStoreProvider } from './evidence-store.provider';
import { EvidenceController } from './evidence.controller';

/** POST /evidence and GET /evidence/:digest: evidence files (证据材料) kept by content. */
@Module({
  imports: [EvidenceFilesModule],
  controllers: [EvidenceController],
  providers: [evidenceStoreProvider, EvidenceCommandsService, EvidenceReadsService],
})
export class EvidenceModule {}
