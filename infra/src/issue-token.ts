/**
 * `npm run token -- --role unit --unit unit-a --name 王经理 [--id wang]`: the API's own token
 * tool (dist/apps/api/src/issue-token.js), run with this data directory's secret (or
 * DUBAN_AUTH_SECRET), so the token verifies against an API that `npm start` runs.
 */
import { spawnSync } from 'node:child_process';
import { loadOrCreateAuthSecret } from './auth-secret';
import { defaultDataDir } from './cache-paths';
import { compiledApps } from './supervisor/compiled-apps';

const apps = compiledApps(__dirname);
const run = spawnSync(process.execPath, [...apps.nodeArgs, apps.tokenTool, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DUBAN_AUTH_SECRET: loadOrCreateAuthSecret(defaultDataDir()) },
});
if (run.error) console.error(`Could not run ${apps.tokenTool}: ${run.error.message}`);
process.exit(run.status ?? 1);
