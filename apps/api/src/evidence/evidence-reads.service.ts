import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { authorizeEvidenceRead, type Actor } from '@duban/domain';
import { EvidenceFiles, type EvidenceFileRow, type EvidenceStore } from '@duban/persistence';
import { problem, ProblemException } from '../http/problem';
import { EVIDENCE_STORE } from './evidence-store.provider';

/** Evidence files (证据材料), the reads: the record first (404 before 403), then whose it is, then the bytes. */
@Injectable()
export class EvidenceReadsService {
  constructor(
    private readonly files: EvidenceFiles,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
  ) {}

  async open(actor: Actor, digest: string): Promise<{ file: EvidenceFileRow; bytes: Readable }> {
    const file = await this.files.get(digest);
    if (!file) throw notFound(digest);
    authorizeEvidenceRead(actor, file.uploaderUnitIds);
    const bytes = await this.store.open(digest);
    // A record without its bytes: the store lost them (or another store holds them); never an empty answer.
    if (!bytes) throw new Error(`evidence ${digest} is recorded but its bytes are not in the store`);
    return { file, bytes };
  }
}

function notFound(digest: string): ProblemException {
  return new ProblemException(problem(404, 'resource.not_found', `no evidence file has the digest ${digest}`, { field: 'digest' }));
}
