import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository root (the nearest directory above holding nx.json), where the workflow
 * sources and the prebuilt bundle live. Walking up keeps this right both from source
 * (apps/worker/src) and from the compiled output (dist/apps/worker/src).
 */
export function workspaceRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(
    `Cannot find the Duban repository root (no nx.json above ${__dirname} or ${process.cwd()}): run the worker from inside the repository.`,
  );
}
