import { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { hazardExportCommand } from './hazard-export.command';
import { hazardImportCommand } from './hazard-import.command';
import { hazardTemplateCommand } from './hazard-template.command';

/** `duban hazards …`: the hazard ledger (隐患台账) in Excel, through the API. */
export function hazardsCommand(io: CliIo): Command {
  return new Command('hazards')
    .description('隐患台账 the hazard ledger: Excel export, import and its template (through the API: DUBAN_API_URL, DUBAN_TOKEN)')
    .addCommand(hazardExportCommand(io))
    .addCommand(hazardImportCommand(io))
    .addCommand(hazardTemplateCommand(io));
}
