import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { BundleSubjectNotFound, type BundleSubjectKind } from '@duban/audit';
import { UUID_PATTERN } from '../http/id-params.pipe';
import { AuditBundleExporter } from './audit-bundle-exporter';
import { BundleSubjectAccess } from './bundle-subject-access';

/** A bundle written to a temporary folder, to be streamed and then removed. */
export interface ExportedBundleFolder {
  dir: string;
  rootDigest: string;
  signed: boolean;
  /** 审计导出包-<kind>-<id>.zip, and an ASCII name for clients that cannot take it. */
  filename: string;
  asciiFilename: string;
  remove(): Promise<void>;
}

const KIND_WORDS: Record<BundleSubjectKind, string> = {
  hazard: '隐患',
  campaign: '专项行动',
  unit: '单位',
  accident: '事故',
  enforcement: '执法案件',
};
const UUID = new RegExp(UUID_PATTERN);
/** What a file name may hold on every system (ids may carry `:`). */
const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * 审计导出 over HTTP: who may export what is settled first (BundleSubjectAccess), then the bundle
 * is written into a fresh temporary folder by the CLI's own export, and every export is logged
 * (who, what, its root digest) — the manifest inside records who exported it and when, as the
 * CLI's `--by` does.
 */
@Injectable()
export class AuditBundleService {
  private readonly logger = new Logger('AuditBundles');

  constructor(
    private readonly access: BundleSubjectAccess,
    private readonly exporter: AuditBundleExporter,
  ) {}

  async export(kind: BundleSubjectKind, givenId: string, actor: Actor): Promise<ExportedBundleFolder> {
    // The API draws hazard, campaign, accident and case ids as lower-case UUIDs (the other routes' pipes lower-case them too).
    const id = kind !== 'unit' && UUID.test(givenId) ? givenId.toLowerCase() : givenId;
    await this.access.exportable(kind, id, actor);
    const dir = await mkdtemp(path.join(tmpdir(), 'duban-audit-bundle-'));
    const remove = () => rm(dir, { recursive: true, force: true });
    try {
      const exported = await this.exporter.export({ kind, id }, dir, `${actor.name} (${actor.role} ${actor.id})`);
      this.logger.log(
        `audit bundle exported (审计导出): ${kind} ${id} by ${actor.role} ${actor.id} ${actor.name}: ${exported.workflows} workflows, ${exported.runs} runs, ${exported.events} ledger events, ${exported.files} files, ${exported.bytes} bytes, root digest ${exported.rootDigest}, ${this.exporter.signs ? 'signed' : 'unsigned'}`,
      );
      return {
        dir,
        rootDigest: exported.rootDigest,
        signed: this.exporter.signs,
        filename: `审计导出包-${KIND_WORDS[kind]}-${safe(id)}.zip`,
        asciiFilename: `audit-bundle-${kind}-${safe(id)}.zip`,
        remove,
      };
    } catch (error) {
      await remove();
      if (error instanceof BundleSubjectNotFound) throw new NotFoundException(error.message);
      throw error;
    }
  }
}
