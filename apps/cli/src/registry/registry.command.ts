import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { registryImportCommand } from './registry-import.command';
import { registryTemplateCommand } from './registry-template.command';

/** `duban registry …`: the registry (单位库) as an operator reaches it. */
export function registryCommand(io: CliIo): Command {
  return new Command('registry')
    .description('单位库 the registry: bulk import and its template')
    .addCommand(registryImportCommand(io))
    .addCommand(registryTemplateCommand(io));
}
