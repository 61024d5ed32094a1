import { Command } from 'commander';
import { CliUsageError, type CliIo } from './cli-io';
import { hazardsCommand } from './hazards/hazards.command';
import { registryCommand } from './registry/registry.command';
import { replayCommand } from './audit/replay.command';
import { exportCommand } from './audit/export.command';
import { verifyCommand } from './audit/verify.command';

/**
 * The `duban` command: one file per command, grouped by what they act on (registry/ …). Output
 * goes to `io`, and commander exits through an exception, so a test runs it in-process.
 */
export function dubanProgram(io: CliIo): Command {
  const program = new Command('duban')
    .description('督办 Duban: operator commands (talk to PostgreSQL through DATABASE_URL; `hazards` to the API through DUBAN_API_URL)')
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .exitOverride()
    .showHelpAfterError();
  program.addCommand(registryCommand(io));
  program.addCommand(hazardsCommand(io));
  program.addCommand(replayCommand(io));
  program.addCommand(exportCommand(io));
  program.addCommand(verifyCommand(io));
  return program;
}

/** Runs `argv` (without node and the script) and answers the exit code: 0 done, 1 refused input, 2 usage or failure. */
export async function runDuban(io: CliIo, argv: readonly string[]): Promise<number> {
  try {
    await dubanProgram(io).parseAsync([...argv], { from: 'user' });
    return io.exitCode;
  } catch (error) {
    const commander = error as { code?: string; exitCode?: number };
    if (typeof commander.code === 'string' && commander.code.startsWith('commander.')) return commander.exitCode === 0 ? 0 : 2;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`duban: ${message}\n`);
    if (!(error instanceof CliUsageError) && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
