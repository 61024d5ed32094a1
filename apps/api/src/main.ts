import { createApiApp } from './api-app';
import { readApiEnv } from './config/read-api-env';

async function main(): Promise<void> {
  let env;
  try {
    env = readApiEnv(process.env);
  } catch (error) {
    console.error(`duban api: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const app = await createApiApp(env.config, { logger: ['log', 'error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(env.port);
  console.log(`duban api listening on ${await app.getUrl()} (OpenAPI at /docs)`);
}

main().catch((error: unknown) => {
  console.error('duban api failed to start:', error);
  process.exit(1);
});
