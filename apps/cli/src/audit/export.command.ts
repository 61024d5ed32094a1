import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { BUNDLE_SUBJECT_KINDS, BundleSubjectNotFound, exportBundle, type BundleSubjectKind } from '@duban/audit';
import { CliUsageError, type CliIo } from '../cli-io';
import { openLedgers, openTemporal } from './audit-connections';

type ExportOptions = Partial<Record<BundleSubjectKind, string>> & { out: string; signKey?: string; by: string };

/**
 * `duban export (--hazard ID | --campaign ID | --unit UNIT_ID | --accident ID | --enforcement CASE_ID) --out DIR
 * [--sign-key FILE] [--by NAME]`: the subject's verifiable bundle (审计导出包) — every run's
 * history of every workflow it stands for, their ledger events, the evidence files they
 * reference, a bilingual timeline, the manifest and root digest, and with the office's Ed25519
 * key (PKCS#8 PEM) its signature. Exit 0 exported, 2 usage (none or several subjects, unknown subject).
 */
export function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description(
      '审计导出 export a verifiable bundle: histories, ledger events, evidence files, timeline, manifest (SHA-256), optional Ed25519 signature',
    )
    .option('--hazard <hazardId>', 'a hazard (隐患)')
    .option('--campaign <campaignId>', "a campaign's whole tree (专项行动): the campaign, every unit's obligations, every hazard found in it")
    .option(
      '--unit <unitId>',
      'a registry unit (单位): its obligations in every campaign, its hazards, accidents and their accountability (问责), enforcement cases, tip-offs (举报), the completed covert inspections (暗访) that sampled it',
    )
    .option(
      '--accident <accidentId>',
      'an accident (事故): its rectification hazards, tip-offs about it, the accountability it brought, the enforcement cases opened from it',
    )
    .option('--enforcement <caseId>', 'an enforcement case (执法案件), 立案 to 结案')
    .requiredOption('--out <dir>', 'the folder to write (made if missing)')
    .option('--sign-key <file>', "the office's Ed25519 private key, PKCS#8 PEM: signs the root digest")
    .option('--by <name>', 'who exports it, as the manifest records it', 'duban-cli')
    .action(async (options: ExportOptions) => {
      const asked = BUNDLE_SUBJECT_KINDS.filter((kind) => options[kind] !== undefined);
      if (asked.length !== 1)
        throw new CliUsageError(`give exactly one of --hazard, --campaign, --unit, --accident, --enforcement (got ${asked.length})`);
      const kind = asked[0]!;
      const id = options[kind]!;
      const signingKeyPem =
        options.signKey === undefined
          ? undefined
          : await readFile(options.signKey, 'utf8').catch(() => {
              throw new CliUsageError(`cannot read the signing key ${options.signKey}`);
            });
      const temporal = await openTemporal(io);
      const ledgers = await openLedgers(io);
      try {
        const dir = path.resolve(options.out);
        const exported = await exportBundle(
          { client: temporal.client, ledgers: ledgers.readers },
          { kind, id },
          { dir, exportedBy: options.by, signingKeyPem },
        ).catch((error: unknown) => {
          throw error instanceof BundleSubjectNotFound ? new CliUsageError(error.message) : error;
        });
        for (const m of exported.missingEvidence)
          io.stderr.write(`! evidence ${m.digest} is not in the store (referenced by ${m.referencedBy.join(', ')}): recorded as missing\n`);
        io.stdout.write(
          `exported ${kind} ${id} to ${dir}: ${exported.workflows} workflows, ${exported.runs} runs, ${exported.events} ledger events, ${exported.files} files, root digest ${exported.rootDigest}${signingKeyPem ? ', signed' : ''}\n`,
        );
      } finally {
        await ledgers.close();
        await temporal.close();
      }
    });
}
