import { Logger } from '@nestjs/common';
import { pino } from 'pino';
import { createApiApp } from './api-app';
import { pinoLevelOf } from './config/log-level';
import { readApiEnv } from './config/read-api-env';
import { dubanLogOptions } from './logging/log-lines';

/** Lines written before the app (and its logger) exists: the same JSON shape. */
const startupLog = pino(dubanLogOptions('duban-api', 'info'));

/**
 * The API process: `node dist/apps/api/src/main.js`, configured only by its environment (see
 * readApiEnv), whether `npm start` runs it or a deployment does. SIGTERM or SIGINT closes it.
 * Every line it writes is one JSON object (see logging/).
 */
async function main(): Promise<void> {
  let env;
  try {
    env = readApiEnv(process.env);
  } catch (error) {
    startupLog.fatal(`duban api: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  startupLog.level = pinoLevelOf(env.logLevels);
  const app = await createApiApp(env.config, { logger: env.logLevels });
  app.enableShutdownHooks();
  await (env.host === undefined ? app.listen(env.port) : app.listen(env.port, env.host));
  new Logger('DubanApi').log(`duban api listening on ${await app.getUrl()} (OpenAPI at /docs, readiness at /health/ready)`);
}

main().catch((error: unknown) => {
  startupLog.fatal({ err: error }, 'duban api failed to start');
  process.exit(1);
});
