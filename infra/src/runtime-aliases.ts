/**
 * Lets compiled code (dist/) resolve the @duban/* aliases: Node does not read tsconfig paths.
 * Preloaded with `node -r ./dist/infra/src/runtime-aliases.js`; maps each alias of
 * tsconfig.base.json onto its compiled file under dist/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { register } from 'tsconfig-paths';

const distRoot = path.resolve(__dirname, '..', '..');
const tsconfig = JSON.parse(readFileSync(path.join(distRoot, '..', 'tsconfig.base.json'), 'utf8'));
const paths = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([alias, targets]) => [
    alias,
    targets.map((t) => t.replace(/\.ts$/, '')),
  ]),
);
register({ baseUrl: distRoot, paths, addMatchAll: false });
