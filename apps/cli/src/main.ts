import { processIo } from './cli-io';
import { runDuban } from './duban-program';

// `npm run duban -- <command>` or `node -r ./dist/infra/src/runtime-aliases.js dist/apps/cli/src/main.js <command>`.
void runDuban(processIo(), process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
