export { workspaceRoot } from './workspace-root';
export { workflowBundlerOptions, workflowsSourcePath } from './workflow-bundler-options';
export { workflowBundlePath } from './workflow-bundle-path';
export { loadReplayBundle, type ReplayBundle } from './replay-bundle';
export { fetchWorkflowHistories, WorkflowHistoryNotFound, type WorkflowRun } from './workflow-histories';
export { divergedEventId, replayHistories, type ReplayFailureKind, type RunReplay } from './replay-histories';
export { replayWorkflows, summarize, type ReplayProgress, type ReplayReport, type ReplaySummary, type WorkflowReplay } from './replay-report';
export { campaignTree, type CampaignTreeReaders } from './campaign-tree';
