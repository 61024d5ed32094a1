import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import { workspaceRoot } from './workspace-root';

/** Workflow sources: always bundled from TypeScript, so the worker and the replay tests run the same code. */
export const workflowsSourcePath = () => path.join(workspaceRoot(), 'workflows', 'src', 'workflows.ts');

/**
 * Workflows import libs through tsconfig path aliases (@duban/domain); the SDK's webpack does
 * not read tsconfig paths on its own, so point webpack's resolver at the root tsconfig.
 */
export function workflowBundlerOptions(): Pick<BundleOptions, 'webpackConfigHook'> {
  const tsconfig = path.join(workspaceRoot(), 'tsconfig.base.json');
  return {
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, tsconfig: { configFile: tsconfig } } as typeof config.resolve,
    }),
  };
}
