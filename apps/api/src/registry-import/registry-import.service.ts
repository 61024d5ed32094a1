import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { authorize, invalid, REGISTRY_PERMISSIONS, type Actor } from '@duban/domain';
import { PgRegistryImportStore, runRegistryImport, type RegistryImportResult } from '@duban/registry-import';
import { Places } from '../auth/places';
import { readingUploadedFile, type UploadedImportFile } from '../http/uploaded-file';
import type { RegistryImportQuery } from './dto/registry-import.query';
import { territoryAdmission } from './import-territory';

/** The registry import for the API: the same service as `duban registry import`, on the uploaded file. */
@Injectable()
export class RegistryImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: Places,
  ) {}

  async import(actor: Actor, file: UploadedImportFile | undefined, query: RegistryImportQuery): Promise<RegistryImportResult> {
    if (!file) throw invalid('input.required', 'file', 'file is required: send the .xlsx or .csv as the multipart field "file"');
    return readingUploadedFile(file, async (name) => {
      const dryRun = query.dryRun === true;
      // Anyone who reads the registry's reference data may check a file; only the office writes it.
      if (!dryRun) authorize(REGISTRY_PERMISSIONS, 'write', actor);
      const store = new PgRegistryImportStore(this.dataSource, { actor, reason: query.reason ?? `导入 import of ${name}` });
      return runRegistryImport({ name, path: file.path, ...(query.kind ? { csvKind: query.kind } : {}) }, store, {
        dryRun,
        admit: territoryAdmission(this.places, actor),
      });
    });
  }
}
