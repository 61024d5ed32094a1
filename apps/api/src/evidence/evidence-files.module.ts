import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EvidenceFiles } from '@duban/persistence';
import { EvidenceReferences } from './evidence-references';

/** The evidence files' metadata (evidence_file), and the attachment check the hazard and enforcement commands make with it. */
@Module({
  providers: [
    { provide: EvidenceFiles, inject: [DataSource], useFactory: (dataSource: DataSource) => new EvidenceFiles(dataSource) },
    EvidenceReferences,
  ],
  exports: [EvidenceFiles, EvidenceReferences],
})
export class EvidenceFilesModule {}
