import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { inject } from 'vitest';
import { workflowBundlerOptions, workflowsSourcePath } from '@duban/audit';

/** How long a file waits for another test process to finish the bundle before giving up. */
const WAIT_MS = 300_000;

/**
 * The workflows bundled from source once per test run, shared by every worker and replay in it.
 * webpack took ~10 s of a busy core per bundle, and each time-skipping file bundled twice (its
 * worker and its replay check). The first caller (in whichever test process) bundles, others wait
 * for its file; the directory is the run's scratch directory, so each run bundles its own sources.
 */
export async function sharedWorkflowBundle(): Promise<{ codePath: string }> {
  const dir = inject('workflowBundleDir');
  const codePath = path.join(dir, 'workflows.js');
  const failedPath = path.join(dir, 'workflows.failed');
  if (existsSync(codePath)) return { codePath };
  let owner = false;
  try {
    closeSync(openSync(path.join(dir, 'workflows.lock'), 'wx'));
    owner = true;
  } catch {
    // Another test process holds the lock and is bundling.
  }
  if (owner) {
    try {
      const { code } = await bundleWorkflowCode({
        workflowsPath: workflowsSourcePath(),
        ...workflowBundlerOptions(),
        logger: new DefaultLogger('WARN'),
      });
      writeFileSync(`${codePath}.partial`, code);
      renameSync(`${codePath}.partial`, codePath);
    } catch (error) {
      writeFileSync(failedPath, String(error instanceof Error ? (error.stack ?? error.message) : error));
      throw error;
    }
    return { codePath };
  }
  for (const until = Date.now() + WAIT_MS; !existsSync(codePath);) {
    if (existsSync(failedPath)) throw new Error(`bundling the workflows failed in another test file:\n${readFileSync(failedPath, 'utf8')}`);
    if (Date.now() > until) throw new Error(`no workflow bundle in ${dir} after ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { codePath };
}
