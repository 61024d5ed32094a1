import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import { workspaceRoot } from './workspace-root';

/** Workflow sources: always bundled from TypeScript, so the worker and the replay tests run the same code. */
export const workflowsSourcePath = () => path.join(workspaceRoot(), 'workflows', 'src', 'workflows.ts');

/**
 * Modules evaluated once per worker and shared by every workflow it runs, rather than once per
 * workflow: the domain is pure (no state of its own, nothing mutated after load; the SDK freezes
 * what it exports), and evaluating its ~1 MB of rules and tables anew was most of what a cached
 * workflow cost in memory and most of a new workflow's first task.
 */
export const SHARED_WORKFLOW_MODULES = ['@duban/domain'];

/**
 * Workflows import libs through tsconfig path aliases (@duban/domain); the SDK's webpack does
 * not read tsconfig paths on its own, so point webpack's resolver at the root tsconfig.
 */
export function workflowBundlerOptions(): Pick<BundleOptions, 'webpackConfigHook' | 'preloadModules'> {
  const tsconfig = path.join(workspaceRoot(), 'tsconfig.base.json');
  return {
    preloadModules: SHARED_WORKFLOW_MODULES,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, tsconfig: { configFile: tsconfig } } as typeof config.resolve,
    }),
  };
}
