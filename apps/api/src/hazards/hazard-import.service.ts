import { Injectable } from '@nestjs/common';
import { invalid, type Actor } from '@duban/domain';
import { runHazardImport, type HazardImportPorts, type HazardImportResult, type LedgerImportRow } from '@duban/hazard-import';
import { HazardLedgerReader } from '@duban/persistence';
import { asIdempotentRequest, type IdempotentRequest } from '../http/idempotency-context';
import { readingUploadedFile, type UploadedImportFile } from '../http/uploaded-file';
import type { HazardImportQuery } from './dto/hazard-import.query';
import type { ReportHazardDto } from './dto/report-hazard.dto';
import { HazardCommandsService } from './hazard-commands.service';

/** A row as the report POST /hazards takes. */
const reportOf = (row: LedgerImportRow): ReportHazardDto => ({ ...row.report, ...(row.policyId !== undefined ? { policyId: row.policyId } : {}) });

/**
 * The row's start as a keyed write whose resource id is the row's own hazard id: the gateway then
 * starts the workflow under that id, joins it when a first attempt started it (conflict policy
 * USE_EXISTING), and never starts one that has ended again — what makes a retried import safe.
 */
const rowRequest = (file: string, row: LedgerImportRow): IdempotentRequest => ({
  key: `hazard-import:${row.hazardId}`,
  scope: row.hazardId,
  fingerprint: row.hazardId,
  requestId: row.hazardId,
  label: `POST /hazards/imports ${file} row ${row.row}`,
});

/**
 * 隐患台账导入 for the API: each row checked by the admission POST /hazards applies (the domain's
 * rules, the policy, the reporter's territory), then started the way POST /hazards starts one,
 * with the importer as the reporter, under the row's id.
 */
@Injectable()
export class HazardImportService {
  constructor(
    private readonly commands: HazardCommandsService,
    private readonly ledger: HazardLedgerReader,
  ) {}

  async import(actor: Actor, file: UploadedImportFile | undefined, query: HazardImportQuery): Promise<HazardImportResult> {
    if (!file) throw invalid('input.required', 'file', 'file is required: send the .xlsx as the multipart field "file"');
    return readingUploadedFile(file, async (name) => {
      const ports: HazardImportPorts = {
        existing: async (ids) => new Set(await this.ledger.knownIds(ids)),
        admit: async (row) => {
          await this.commands.admit(actor, reportOf(row));
        },
        start: async (row) => {
          const result = await asIdempotentRequest(rowRequest(name, row), () =>
            this.commands.report(actor, reportOf(row), `导入 import of ${name}, row ${row.row}`),
          );
          return { registered: result.registered };
        },
      };
      return runHazardImport({ name, path: file.path }, ports, { dryRun: query.dryRun === true });
    });
  }
}
