import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { exportHazardBundle } from '@duban/audit';
import { CliUsageError, type CliIo } from '../cli-io';
import { openLedgers, openTemporal } from './audit-connections';

/**
 * `duban export --hazard HAZARD_ID --out DIR [--sign-key FILE] [--by NAME]`: the hazard's
 * verifiable bundle (审计导出包) — every run's history, its ledger events, a bilingual timeline,
 * the manifest and root digest, and with the office's Ed25519 key (PKCS#8 PEM) its signature.
 */
export function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('审计导出 export a verifiable bundle: histories, ledger events, timeline, manifest (SHA-256), optional Ed25519 signature')
    .requiredOption('--hazard <hazardId>', 'the hazard to export')
    .requiredOption('--out <dir>', 'the folder to write (made if missing)')
    .option('--sign-key <file>', "the office's Ed25519 private key, PKCS#8 PEM: signs the root digest")
    .option('--by <name>', 'who exports it, as the manifest records it', 'duban-cli')
    .action(async (options: { hazard: string; out: string; signKey?: string; by: string }) => {
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
        const { rootDigest, files } = await exportHazardBundle({ client: temporal.client, hazards: ledgers.readers.hazards }, options.hazard, {
          dir,
          exportedBy: options.by,
          signingKeyPem,
        });
        io.stdout.write(`exported hazard ${options.hazard} to ${dir}: ${files} files, root digest ${rootDigest}${signingKeyPem ? ', signed' : ''}\n`);
      } finally {
        await ledgers.close();
        await temporal.close();
      }
    });
}
