import { createApiApp } from './api-app';
import { readApiEnv } from './config/read-api-env';

/**
 * The API process: `node dist/apps/api/src/main.js`, configured only by its environment (see
 * readApiEnv), whether `npm start` runs it or a deployment does. SIGTERM or SIGINT closes it.
 */
async function main(): Promise<void> {
  let env;
  try {
    env = readApiEnv(process.env);
  } catch (error) {
    console.error(`duban api: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const app = await createApiApp(env.config, { logger: env.logLevels });
  app.enableShutdownHooks();
  await (env.host === undefined ? app.listen(env.port) : app.listen(env.port, env.host));
  console.log(`duban api listening on ${await app.getUrl()} (OpenAPI at /docs)`);
}

main().catch((error: unknown) => {
  console.error('duban api failed to start:', error);
  process.exit(1);
});
