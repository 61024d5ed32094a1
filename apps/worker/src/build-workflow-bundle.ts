import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { workflowBundlePath, workflowBundlerOptions, workflowsSourcePath } from '@duban/audit';

/** Production workers load a prebuilt bundle, so start-up does not run webpack. */
export async function buildWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsSourcePath(),
    ...workflowBundlerOptions(),
    // webpack's module report (INFO) on every `npm start` buries what matters; problems still show.
    logger: new DefaultLogger('WARN'),
  });
  const target = workflowBundlePath();
  await mkdir(path.dirname(target), { recursive: true });
  // Written beside it, then renamed: a worker or a replay loading the bundle meanwhile (another
  // process, another test lane) reads the old file or the new one, never half of one.
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, code);
  await rename(partial, target);
  return target;
}

if (require.main === module) {
  buildWorkflowBundle().then(
    (target) => console.log(`workflow bundle written to ${target}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
