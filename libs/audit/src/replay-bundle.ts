import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsSourcePath } from './workflow-bundler-options';
import { workflowBundlePath } from './workflow-bundle-path';
import { workspaceRoot } from './workspace-root';

/** A workflow bundle to replay against: a file of bundled code, or the code itself. */
export type ReplayBundle = WorkflowBundleOption;

let fromSource: Promise<ReplayBundle> | undefined;
let auditFromSource: Promise<ReplayBundle> | undefined;

/** The interceptor that tells the audit replay every projection a workflow makes (see there). */
const projectionInterceptorsPath = () => path.join(workspaceRoot(), 'libs', 'audit', 'src', 'replay-capture', 'projection-interceptors.ts');

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

/**
 * The workflow sources bundled with the audit's projection interceptor, for `duban verify`: the
 * same workflow code, plus an outbound interceptor that only reports each projection to a sink
 * (it changes no command, so the histories replay as against the production bundle). Its own
 * bundle — production bundles stay untouched — built once per process (~10 s of webpack).
 */
export function loadAuditReplayBundle(): Promise<ReplayBundle> {
  auditFromSource ??= bundleFromSource([projectionInterceptorsPath()]).then(
    ({ code }) => ({ code }),
    (error: unknown) => {
      auditFromSource = undefined;
      throw error;
    },
  );
  return auditFromSource;
}

/** webpack over the workflow sources; the SDK's worker is loaded only here and in replayHistories (see there). */
async function bundleFromSource(workflowInterceptorModules: string[] = []): Promise<{ code: string }> {
  const { bundleWorkflowCode, DefaultLogger } = await import('@temporalio/worker');
  return bundleWorkflowCode({
    workflowsPath: workflowsSourcePath(),
    workflowInterceptorModules,
    ...workflowBundlerOptions(),
    logger: new DefaultLogger('WARN'),
  });
}
