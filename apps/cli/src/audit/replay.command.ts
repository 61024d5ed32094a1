import { Command } from 'commander';
import { campaignTree, loadReplayBundle, replayWorkflows, WorkflowHistoryNotFound } from '@duban/audit';
import { CliUsageError, type CliIo } from '../cli-io';
import { openLedgers, openTemporal } from './audit-connections';
import { replayProgressBar } from './replay-progress-bar';
import { runLine, summaryLines } from './replay-lines';

/**
 * `duban replay WORKFLOW_ID` or `duban replay --campaign CAMPAIGN_ID`: fetches every run of the
 * workflow (or of the campaign's whole tree: the campaign, its units, its hazards) from
 * TEMPORAL_ADDRESS and replays each against the current workflow code. Exit code 0 when every
 * run replays, 1 when any fails (or a workflow of the tree is missing), 2 when the workflow or
 * campaign is unknown.
 */
export function replayCommand(io: CliIo): Command {
  return new Command('replay')
    .description('重放审计 replay workflow histories against the current workflow code (proves the code still explains them)')
    .argument('[workflowId]', 'a workflow id (hazard-…, campaign-…, campaign-…-unit-…, …)')
    .option(
      '--campaign <campaignId>',
      "a campaign's whole tree: the campaign, every unit's obligations, every hazard found in it (needs DATABASE_URL)",
    )
    .action(async (workflowId: string | undefined, options: { campaign?: string }) => {
      if ((workflowId === undefined) === (options.campaign === undefined))
        throw new CliUsageError('give either a WORKFLOW_ID or --campaign CAMPAIGN_ID');
      const workflowIds = workflowId === undefined ? await treeOf(io, options.campaign!) : [workflowId];
      const temporal = await openTemporal(io);
      const progress = replayProgressBar(io);
      try {
        const report = await replayWorkflows(temporal.client, await loadReplayBundle(io.env), workflowIds, {
          onProgress: progress.listener,
          onRun: (run) => io.stdout.write(runLine(run)),
        });
        progress.stop();
        if (workflowId !== undefined && report.workflows[0].missing) throw new CliUsageError(new WorkflowHistoryNotFound(workflowId).message);
        io.stdout.write(summaryLines(report));
        if (report.summary.failures > 0) io.exitCode = 1;
      } finally {
        progress.stop();
        await temporal.close();
      }
    });
}

async function treeOf(io: CliIo, campaignId: string): Promise<string[]> {
  const ledgers = await openLedgers(io);
  try {
    const tree = await campaignTree(ledgers.readers, campaignId);
    if (!tree) throw new CliUsageError(`no campaign ${campaignId} in the ledger at DATABASE_URL`);
    return tree;
  } finally {
    await ledgers.close();
  }
}
