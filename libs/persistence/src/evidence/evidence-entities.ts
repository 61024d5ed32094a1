import { EvidenceFileRecord } from './evidence-file-record.entity';
import { EvidenceUploadRecord } from './evidence-upload-record.entity';

/** The evidence files' metadata tables: one list for DUBAN_ENTITIES. */
export const EVIDENCE_ENTITIES = [EvidenceFileRecord, EvidenceUploadRecord];
