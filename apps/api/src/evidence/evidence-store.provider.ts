import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { LocalDiskEvidenceStore, type EvidenceStore } from '@duban/persistence';
import { DATA_DIR } from '../config/api-config.tokens';

/** `EvidenceStore`: where evidence files' bytes are kept (by default the local disk under `<dataDir>/evidence`). */
export const EVIDENCE_STORE = Symbol('DubanEvidenceStore');

export const evidenceStoreProvider: Provider<EvidenceStore> = {
  provide: EVIDENCE_STORE,
  inject: [DATA_DIR],
  useFactory: (dataDir: string) => new LocalDiskEvidenceStore(join(dataDir, 'evidence')),
};
