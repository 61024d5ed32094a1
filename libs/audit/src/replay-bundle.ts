import { existsSync } from 'node:fs';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsSourcePath } from './workflow-bundler-options';
import { workflowBundlePath } from './workflow-bundle-path';

/** A workflow bundle to replay against: a file of bundled code, or the code itself. */
export type ReplayBundle = WorkflowBundleOption;

let fromSource: Promise<ReplayBundle> | undefined;

/**
 * The workflow code histories are replayed against: the bundle named by DUBAN_WORKFLOW_BUNDLE,
 * else the prebuilt dist/workflow-bundle.js (what production workers run), else the workflow
 * sources bundled once per process (webpack takes ~10 s of a core, so never per replay).
 */
export function loadReplayBundle(env: NodeJS.ProcessEnv = process.env): Promise<ReplayBundle> {
  const named = env.DUBAN_WORKFLOW_BUNDLE?.trim();
  if (named) {
    if (!existsSync(named)) return Promise.reject(new Error(`DUBAN_WORKFLOW_BUNDLE names ${named}, which does not exist`));
    return Promise.resolve({ codePath: named });
  }
  if (existsSync(workflowBundlePath())) return Promise.resolve({ codePath: workflowBundlePath() });
  fromSource ??= bundleFromSource().then(
    ({ code }) => ({ code }),
    (error: unknown) => {
      fromSource = undefined;
      throw error;
    },
  );
  return fromSource;
}

/** webpack over the workflow sources; the SDK's worker is loaded only here and in replayHistories (see there). */
async function bundleFromSource(): Promise<{ code: string }> {
  const { bundleWorkflowCode, DefaultLogger } = await import('@temporalio/worker');
  return bundleWorkflowCode({ workflowsPath: workflowsSourcePath(), ...workflowBundlerOptions(), logger: new DefaultLogger('WARN') });
}
