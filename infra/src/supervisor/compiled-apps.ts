import { join, resolve } from 'node:path';

/** The apps as `npm start` runs them: compiled files under dist/, never imported (only spawned). */
export interface CompiledApps {
  /** `-r <dist>/infra/src/runtime-aliases.js`: lets compiled code resolve the @duban/* aliases. */
  nodeArgs: string[];
  api: string;
  worker: string;
  tokenTool: string;
}

/** `infraSrcDir`: the folder of the running compiled infra file (dist/infra/src). */
export function compiledApps(infraSrcDir: string): CompiledApps {
  const dist = resolve(infraSrcDir, '..', '..');
  return {
    nodeArgs: ['-r', join(dist, 'infra', 'src', 'runtime-aliases.js')],
    api: join(dist, 'apps', 'api', 'src', 'main.js'),
    worker: join(dist, 'apps', 'worker', 'src', 'main.js'),
    tokenTool: join(dist, 'apps', 'api', 'src', 'issue-token.js'),
  };
}
