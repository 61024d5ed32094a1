import { Inject, Injectable } from '@nestjs/common';
import { admitEvidenceFile, authorize, EVIDENCE_PERMISSIONS, evidenceSniffLength, invalid, type Actor } from '@duban/domain';
import { EvidenceFiles, type EvidenceFileRow, type EvidenceStore } from '@duban/persistence';
import { CLOCK } from '../config/api-config.tokens';
import { problem, ProblemException } from '../http/problem';
import { EVIDENCE_FIELD, type UploadedEvidenceFile } from './evidence-upload';
import { EVIDENCE_STORE } from './evidence-store.provider';
import { uploadedFileName } from '../http/uploaded-file';

/** What `POST /evidence` answers: the file as recorded, and whether this upload stored it first (201) or found it kept (200). */
export type EvidenceUploadResult = EvidenceFileRow & { stored: boolean };

/**
 * Evidence files (证据材料), the upload: the policy admits the file by its bytes, the store keeps
 * them by digest (once), the metadata records the file and who uploaded it.
 */
@Injectable()
export class EvidenceCommandsService {
  constructor(
    private readonly files: EvidenceFiles,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  async upload(actor: Actor, file: UploadedEvidenceFile | undefined): Promise<EvidenceUploadResult> {
    authorize(EVIDENCE_PERMISSIONS, 'upload', actor);
    if (!file)
      throw invalid('input.required', EVIDENCE_FIELD, `file is required: send the photo or document as the multipart field "${EVIDENCE_FIELD}"`);
    const admission = admitEvidenceFile({ size: file.size, head: file.buffer.subarray(0, evidenceSniffLength()), declaredType: file.mimetype });
    if (!admission.admitted) {
      if (admission.reason === 'too_large')
        throw new ProblemException(problem(413, 'request.too_large', admission.message, { field: EVIDENCE_FIELD }));
      throw new ProblemException(problem(415, 'evidence.media_type_unsupported', admission.message, { field: EVIDENCE_FIELD }));
    }
    const kept = await this.store.put(file.buffer);
    const originalName = uploadedFileName(file);
    const { file: row } = await this.files.record({
      digest: kept.digest,
      size: kept.size,
      mediaType: admission.mediaType,
      originalName,
      uploadedBy: actor,
      at: this.now(),
    });
    return { ...row, stored: kept.stored };
  }
}
