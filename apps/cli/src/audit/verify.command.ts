import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { loadAuditReplayBundle, replayCapturingProjections, verifyBundle, verifyBundleZip, type VerifyOptions } from '@duban/audit';
import { CliUsageError, type CliIo } from '../cli-io';

/**
 * `duban verify BUNDLE [--trusted-key FILE]` (BUNDLE: the folder `duban export` wrote, or the .zip
 * `GET /audit/bundles/:kind/:id` downloads, extracted to a temporary folder), offline (no Temporal, no PostgreSQL): every digest,
 * the signature (and that it is the trusted key's), every history replayed against the workflow
 * code, the ledger events equal to what the workflow code projected while replaying, every
 * referenced evidence file present and named by its content. Exit 0 verified, 1 any problem
 * (each printed with the file it is in), 2 usage.
 */
export function verifyCommand(io: CliIo): Command {
  return new Command('verify')
    .description('离线核验 verify a bundle offline: digests, signature, replay, ledger against the histories')
    .argument('<bundle>', 'the bundle folder, or the downloaded .zip (审计导出包)')
    .option('--trusted-key <file>', "the office's Ed25519 public key (SPKI PEM): the bundle must be signed by it")
    .action(async (bundle: string, options: { trustedKey?: string }) => {
      if (!existsSync(bundle)) throw new CliUsageError(`no bundle at ${bundle}`);
      const trustedPublicKey = options.trustedKey === undefined ? undefined : await readFile(options.trustedKey, 'utf8');
      const code = await loadAuditReplayBundle();
      const verifying: VerifyOptions = { trustedPublicKey, replay: (runs) => replayCapturingProjections(code, runs) };
      const verified = statSync(bundle).isDirectory() ? await verifyBundle(bundle, verifying) : await verifyBundleZip(bundle, verifying);
      for (const p of verified.problems) io.stdout.write(`✗ ${p.file}: ${p.problem}\n`);
      io.stdout.write(
        `${verified.ok ? '✓ verified' : '✗ NOT verified'}: root digest ${verified.rootDigest ?? '-'}, ${verified.signed ? 'signed' : 'unsigned'}, ${verified.histories} histories replayed, ${verified.eventsChecked} ledger events checked, ${verified.problems.length} problems\n`,
      );
      if (!verified.ok) io.exitCode = 1;
    });
}
